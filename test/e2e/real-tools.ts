/**
 * Runs the tools researchers read exports with (bibtex, pdflatex, biber, pandoc from Debian).
 * A missing tool is a failure naming the package to install, never a skipped test: CI installs
 * them (.ci/run).
 */
import { spawnSync } from 'node:child_process';

const PACKAGE: Record<string, string> = {
  bibtex: 'texlive-binaries (with texlive-latex-base)',
  pdflatex: 'texlive-latex-base',
  biber: 'biber (and texlive-bibtex-extra, texlive-latex-recommended for biblatex)',
  pandoc: 'pandoc',
};

export interface Run {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
}

/** Runs `tool` in `cwd`; throws when the tool is not installed. */
export function run(tool: string, args: string[], cwd: string, input?: string): Run {
  const result = spawnSync(tool, args, { cwd, input, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${tool} is not installed: apt-get install ${PACKAGE[tool] ?? tool} (bash .ci/run installs it)`);
  }
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
