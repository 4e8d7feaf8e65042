"""Reads a folder of IMR letters with Apache Spark: the paths are an RDD, piped through
`imr-review extract --files-from -` (RDD.pipe: one extract process per partition, each path a
line in, one JSON line out), and saved as JSONL part files.

usage: spark-submit engines/spark_extract.py LETTERS_FOLDER OUT_FOLDER [COMMAND...]
   or: python3 engines/spark_extract.py ... (pyspark installed; SPARK_MASTER, default local[2])
COMMAND runs imr-review (default: imr-review) and must be on every executor. RDD.pipe sends a
path per line, so a path with a newline in it cannot pass this way: use dask_extract.py (NUL mode).
"""
import os
import shlex
import sys

from pyspark.sql import SparkSession

from imr_pipe import letter_paths


def main():
    folder, out = sys.argv[1], sys.argv[2]
    command = sys.argv[3:] or ['imr-review']
    spark = SparkSession.builder.master(os.environ.get('SPARK_MASTER', 'local[2]')).appName('imr-review extract').getOrCreate()
    try:
        paths = letter_paths(folder)
        context = spark.sparkContext
        # One worker thread per extract: Spark already runs a task per core.
        records = context.parallelize(paths, max(1, min(len(paths), 2 * context.defaultParallelism))).pipe(
            shlex.join([*command, 'extract', '--files-from', '-', '--threads', '1']), checkCode=True
        )
        records.saveAsTextFile(out)
        print(f'{len(paths)} letters -> {out}', file=sys.stderr)
    finally:
        spark.stop()


if __name__ == '__main__':
    main()
