"""Reads a folder of IMR letters with Dask: each partition of paths goes through one
`imr-review extract --files-from - --null` process, and the JSON lines are written as JSONL parts.

usage: python3 engines/dask_extract.py LETTERS_FOLDER OUT_FOLDER [COMMAND...]
COMMAND runs imr-review (default: imr-review; e.g. node bin/imr-review.js). DASK_PARTITIONS sets
the partitions (default: 2 per core); each runs one extract process with one worker thread.
"""
import os
import sys

import dask
import dask.bag

from imr_pipe import extract_lines, letter_paths


def main():
    folder, out = sys.argv[1], sys.argv[2]
    command = sys.argv[3:] or ['imr-review']
    paths = letter_paths(folder)
    partitions = int(os.environ.get('DASK_PARTITIONS', 2 * (os.cpu_count() or 1)))
    bag = dask.bag.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    # Threads are enough: each task waits on its own extract process.
    with dask.config.set(scheduler='threads'):
        bag.map_partitions(extract_lines, command).to_textfiles(os.path.join(out, 'part-*.jsonl'))
    print(f'{len(paths)} letters -> {out}', file=sys.stderr)


if __name__ == '__main__':
    main()
