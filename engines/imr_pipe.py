"""What every engine recipe shares: the letter files of a folder, and a batch of paths piped
through `imr-review extract --files-from - --null`, one JSON line back per path, in order."""
import os
import subprocess

LETTER_EXTENSIONS = ('.pdf', '.txt')


def letter_paths(folder):
    """Every .pdf and .txt under `folder`, sorted; a .txt beside a PDF of the same name is the same letter, and the PDF is read."""
    paths = []
    for root, _, names in os.walk(folder):
        present = set(names)
        for name in names:
            stem, extension = os.path.splitext(name)
            if extension.lower() not in LETTER_EXTENSIONS:
                continue
            if extension.lower() == '.txt' and any(stem + pdf in present for pdf in ('.pdf', '.PDF')):
                continue
            paths.append(os.path.join(root, name))
    return sorted(paths)


def extract_lines(paths, command):
    """The JSON lines of `paths`, one per path, from one extract process (NUL-separated: a path may hold a newline)."""
    paths = list(paths)
    if not paths:
        return []
    records = b''.join(os.fsencode(path) + b'\0' for path in paths)
    run = subprocess.run([*command, 'extract', '--files-from', '-', '--null', '--threads', '1'], input=records, capture_output=True, check=True)
    # Split on newlines only: a JSON string may hold U+2028, which str.splitlines would also split on.
    lines = run.stdout.decode('utf-8').split('\n')[:-1]
    if len(lines) != len(paths):
        raise RuntimeError(f'extract gave {len(lines)} lines for {len(paths)} paths: {run.stderr.decode()}')
    return lines
