/**
 * The command line's syntax: generated help for the program and every command, --version, and
 * usage errors (an unknown flag, a missing or extra argument, a bad value) as one line and the
 * command's usage on stderr, exit 2, no stack trace. The help and the unknown flags go through the
 * real bin script; the other mistakes through runCli in this process, with the same output.
 */
import { describe, expect, test } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import type { CliResult } from './runCli.ts';
import { cli, cliInProcess, cliWithEnv } from './runCli.ts';

const COMMANDS = ['extract', 'eval', 'init', 'import', 'stats', 'report', 'search', 'reparse', 'export', 'import-dataset', 'sample', 'quality', 'agreement', 'package', 'vocabulary', 'help', 'completion'];
const TAKES_DB = ['init', 'import', 'stats', 'report', 'search', 'reparse', 'export', 'import-dataset', 'sample', 'quality', 'agreement'];
const TAKES_JSON = ['eval', 'import', 'stats', 'report', 'search', 'reparse', 'export', 'import-dataset', 'sample', 'quality', 'agreement', 'vocabulary'];

/** Mistakes a user can make with each command (arguments apart from the mistake are valid). */
const MISTAKES: Record<string, { readonly args: readonly string[]; readonly message: string }[]> = {
  extract: [{ args: [], message: 'error: name letter files or folders, or read paths with --files-from (-: standard input)' }],
  eval: [
    { args: [], message: "error: missing required argument 'folder'" },
    { args: ['a', 'b'], message: "error: too many arguments for 'eval'. Expected 1 argument but got 2: a, b." },
  ],
  init: [
    { args: ['library.sqlite'], message: "error: too many arguments for 'init'. Expected 0 arguments but got 1: library.sqlite." },
    { args: ['--db'], message: "error: option '--db <file>' argument missing" },
    { args: ['--reviewer', ' '], message: "error: option '--reviewer <name>' argument ' ' is invalid. It cannot be blank." },
  ],
  import: [
    { args: [], message: "error: missing required argument 'paths'" },
    { args: ['letters', '--threads', '0'], message: "error: option '--threads <n>' argument '0' is invalid. It takes a whole number above 0." },
    { args: ['letters', '--threads', '2.5'], message: "error: option '--threads <n>' argument '2.5' is invalid. It takes a whole number above 0." },
    { args: ['letters', '--reviewer', ''], message: "error: option '--reviewer <name>' argument '' is invalid. It cannot be blank." },
  ],
  stats: [
    { args: ['extra'], message: "error: too many arguments for 'stats'. Expected 0 arguments but got 1: extra." },
    { args: ['--jsn'], message: "error: unknown option '--jsn' (Did you mean --json?)" },
  ],
  report: [
    { args: ['extra'], message: "error: too many arguments for 'report'. Expected 0 arguments but got 1: extra." },
    { args: ['--out'], message: "error: option '--out <folder>' argument missing" },
    { args: ['--format', 'pdf'], message: "error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are html, md, json." },
    { args: ['--out', '-', '--json'], message: 'error: --json cannot share stdout with the report of --out -' },
  ],
  search: [
    { args: [], message: "error: missing required argument 'query'" },
    { args: ['--limit', 'many', 'MRI'], message: "error: option '--limit <n>' argument 'many' is invalid. It takes a whole number above 0." },
    { args: ['  '], message: 'error: the query is empty' },
  ],
  reparse: [{ args: ['extra'], message: "error: too many arguments for 'reparse'. Expected 0 arguments but got 1: extra." }],
  export: [
    { args: ['--out', 'x'], message: "error: required option '--format <format>' not specified" },
    { args: ['--format', 'xml', '--out', 'x'], message: "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are jsonl, csv, parquet, xlsx." },
    { args: ['--format', 'csv', '--out', 'x', 'y'], message: "error: too many arguments for 'export'. Expected 0 arguments but got 1: y." },
    { args: ['--format', 'csv', '--out', 'x', '--status', 'flagged'], message: 'error: --status needs --all (the default export holds verified letters only)' },
    { args: ['--format', 'jsonl', '--out', 'x', '--bom'], message: 'error: --bom applies to --format csv only' },
    { args: ['--format', 'csv', '--out', '-'], message: 'error: --out - (stdout) takes --format jsonl only: the other formats are files' },
    { args: ['--format', 'jsonl', '--out', '-', '--json'], message: 'error: --json cannot share stdout with the records of --out -' },
    { args: ['--format', 'jsonl', '--out', 'x', '--decision', 'upheld'], message: "error: option '--decision <decision>' argument 'upheld' is invalid. Allowed choices are Upheld, Overturned." },
  ],
  'import-dataset': [
    { args: [], message: "error: missing required argument 'file'" },
    { args: ['a.jsonl', 'b.jsonl'], message: "error: too many arguments for 'import-dataset'. Expected 1 argument but got 2: a.jsonl, b.jsonl." },
    { args: ['a.jsonl', '--reviewer', ''], message: "error: option '--reviewer <name>' argument '' is invalid. It cannot be blank." },
  ],
  sample: [
    { args: [], message: 'error: give --size or --target (or --list to see the samples)' },
    { args: ['--size', '0'], message: "error: option '--size <letters>' argument '0' is invalid. It takes a whole number above 0." },
    { args: ['--target', 'decision'], message: "error: option '--target <measure:rate>' argument 'decision' is invalid. It takes <measure>:<rate>, e.g. decision:1%; the measures are format, caseNumber, dateAssigned, decisionDate, dateOfInjury, urDenialDate, applicationReceived, priority, reviewerSpecialty, reviewerLicensure, reviewerSubspecialty, service, decision, claimsAdministratorGuideline, maximusGuideline, rationale, originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion, itemCount, allExact." },
    { args: ['--target', 'decision:150%'], message: "error: option '--target <measure:rate>' argument 'decision:150%' is invalid. The rate is between 0 and 1 (or 0% and 100%)." },
    { args: ['--size', '10', '--seed', '-1'], message: "error: option '--seed <number>' argument '-1' is invalid. It takes a whole number from 0 to 4294967295." },
    { args: ['--size', '10', '--strata', 'format,colour'], message: "error: option '--strata <list>' argument 'format,colour' is invalid. Unknown stratum colour; they are format, attention, category, decisionYear." },
    { args: ['--size', '10', '--confidence', '0.9'], message: 'error: --confidence goes with --target' },
    { args: ['--list', '--size', '10'], message: 'error: --list lists the samples; it takes no --size or --target' },
  ],
  quality: [{ args: ['extra'], message: "error: too many arguments for 'quality'. Expected 0 arguments but got 1: extra." }],
  agreement: [
    { args: ['a.jsonl'], message: 'error: name two sources to compare, not 1' },
    { args: ['a.jsonl', 'b.jsonl', 'c.jsonl'], message: 'error: name two sources to compare, not 3' },
    { args: ['--db', 'a.sqlite'], message: 'error: --db needs --other, the source to compare it with' },
    { args: ['--other', 'b.sqlite', 'c.jsonl'], message: 'error: name the two sources either with --other (and --db) or as two files, not both' },
  ],
  package: [{ args: ['frobnicate'], message: "error: unknown command 'frobnicate'" }],
  vocabulary: [{ args: [], message: "error: missing required argument 'folder'" }],
  help: [{ args: ['frobnicate'], message: "error: unknown command 'frobnicate'" }],
  completion: [
    { args: [], message: "error: missing required argument 'shell'" },
    { args: ['tcsh'], message: "error: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are zsh, bash, fish, powershell." },
  ],
};

/** The usage block a command's help starts with, as its usage errors print it. */
function usageOf(help: string): string {
  return help.slice(0, help.indexOf('\n\n')).replace(/^Usage: /, 'usage: ');
}

function expectUsageError(result: CliResult, message: string, usage: string): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`${message}\n${usage}\n`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('help', () => {
  test('imr-review --help lists every command, the exit codes and the default library', async () => {
    const result = await cliWithEnv({ XDG_CONFIG_HOME: '/nowhere/config' }, '--help');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: imr-review \[--db <file>\] \[--quiet\] <command> \[options\]\n/);
    const listed = [...result.stdout.slice(result.stdout.indexOf('Commands:')).matchAll(/^ {2}([a-z-]+) /gm)].map((match) => match[1]);
    expect(listed).toEqual(COMMANDS);
    expect(result.stdout).toContain('Exit codes:\n  0    done\n  1    the command could not do its work');
    expect(result.stdout).toMatch(/^ {2}2 {4}usage: /m);
    expect(result.stdout).toMatch(/^ {2}130 {2}cancelled \(Ctrl\+C\)$/m);
    expect(result.stdout).toContain("--db defaults to the desktop app's library:\n  /nowhere/config/IMR Review Workstation/library.sqlite\n");
    expect(await cliWithEnv({ XDG_CONFIG_HOME: '/nowhere/config' }, 'help')).toEqual(result);
  });

  test.each(COMMANDS)('%s --help prints its generated help on stdout and exits 0, as help <command> does', async (name) => {
    const result = await cli(name, '--help');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Usage: imr-review ${name}( |\\n)`));
    expect(result.stdout).toContain('Options:\n');
    expect(result.stdout).toContain('  -h, --help ');
    if (TAKES_DB.includes(name)) expect(result.stdout).toContain('  --db <file> ');
    if (TAKES_JSON.includes(name)) expect(result.stdout).toContain('  --json ');
    expect(await cliInProcess('help', name)).toEqual(result);
  });

  test('--version prints the package version and exits 0', async () => {
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
    expect(await cliInProcess('-V')).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });
});

describe('usage errors', () => {
  test('no command, and an unknown one, are usage errors with the program usage', async () => {
    const usage = 'usage: imr-review <command> [options]   (imr-review --help lists the commands)';
    expectUsageError(await cli(), 'error: name a command', usage);
    expectUsageError(await cli('frobnicate'), "error: unknown command 'frobnicate'", usage);
    expectUsageError(await cli('--frobnicate'), "error: unknown option '--frobnicate'", usage);
  });

  test.each(COMMANDS)('%s with an unknown flag: one line and its usage on stderr, exit 2, no stack trace', async (name) => {
    const usage = usageOf((await cliInProcess(name, '--help')).stdout);
    expect(usage).toMatch(new RegExp(`^usage: imr-review ${name}`));
    const positional = name === 'agreement' ? ['a.jsonl', 'b.jsonl'] : ['x'];
    const args = ['extract', 'eval', 'import', 'search', 'import-dataset', 'vocabulary', 'agreement'].includes(name) ? positional : [];
    const extra = name === 'export' ? ['--format', 'jsonl', '--out', 'x'] : [];
    expectUsageError(await cli(name, ...args, ...extra, '--frobnicate'), "error: unknown option '--frobnicate'", usage);
  });

  const cases = Object.entries(MISTAKES).flatMap(([name, mistakes]) => mistakes.map((mistake) => ({ name, ...mistake })));
  test.each(cases)('$name $args: $message', async ({ name, args, message }) => {
    const usage = usageOf((await cliInProcess(name, '--help')).stdout);
    expectUsageError(await cliInProcess(name, ...args), message, usage);
  });

  test('a long usage is wrapped under the command, and the error repeats it whole', async () => {
    const result = await cliInProcess('export', '--out', 'x');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[1]).toBe('usage: imr-review export [--db <file>] --format <format> --out <folder> [--all] [--with-spans]');
    expect(lines.slice(2).every((line) => line.startsWith(' '.repeat('usage: imr-review export '.length)) && line.length <= 100)).toBe(true);
    expect(lines.slice(1).join(' ')).toContain('[--force] [--json]');
  });
});

describe('options before the command', () => {
  test('--db and --quiet before the command go to it, as after it; one it does not take, or one given twice, is a usage error', async () => {
    const library = '/nowhere/library.sqlite';
    const after = await cliInProcess('stats', '--db', library);
    expect(after.code).toBe(1);
    expect(await cliInProcess('--db', library, 'stats')).toEqual(after);
    const extractUsage = usageOf((await cliInProcess('extract', '--help')).stdout);
    expectUsageError(await cliInProcess('--db', library, 'extract', 'x'), 'error: extract does not take --db', extractUsage);
    const statsUsage = usageOf((await cliInProcess('stats', '--help')).stdout);
    expectUsageError(await cliInProcess('--quiet', 'stats'), 'error: stats does not take --quiet', statsUsage);
    expectUsageError(await cliInProcess('--db', library, 'stats', '--db', library), 'error: --db is given twice, before and after the command', statsUsage);
  });
});

describe('completion', () => {
  test.each(['bash', 'zsh', 'fish'])('completion %s prints a script that asks imr-review for the words', async (shell) => {
    const result = await cli('completion', shell);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('imr-review complete --');
  });

  test('the candidates: the commands, then the options of the command named', async () => {
    const commands = await cli('complete', '--', 'st');
    expect(commands.stdout.split('\n')[0]).toBe('stats\t');
    const options = (await cli('complete', '--', 'stats', '--')).stdout.split('\n').map((line) => line.split('\t')[0]);
    expect(options).toEqual(expect.arrayContaining(['--db', '--json', '--help']));
  });
});
