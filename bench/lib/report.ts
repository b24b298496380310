// bench/report.json (every figure with its runs and budget) and bench/report.md (one table).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { summarise, type Summary } from './stats';

export interface Figure extends Summary {
  id: string;
  what: string;
  unit: string;
  /** The budget as a number in `unit`, compared with the median; null when there is none. */
  budget: number | null;
  /** 'max': median must be ≤ budget; 'min': ≥ budget (e.g. the naive baseline's growth). */
  direction: 'max' | 'min';
  budgetText: string;
  within: boolean | null;
  note?: string;
}

export interface FigureInput {
  id: string;
  what: string;
  unit: string;
  runs: number[];
  budget: number | null;
  direction?: 'max' | 'min';
  budgetText?: string;
  note?: string;
}

export function figure(input: FigureInput): Figure {
  const summary = summarise(input.runs);
  const direction = input.direction ?? 'max';
  const within = input.budget === null || !Number.isFinite(summary.median) ? null
    : direction === 'max' ? summary.median <= input.budget : summary.median >= input.budget;
  const budgetText = input.budgetText ?? (input.budget === null ? '—' : `${direction === 'max' ? '≤' : '≥'} ${input.budget} ${input.unit}`);
  return { ...summary, id: input.id, what: input.what, unit: input.unit, budget: input.budget, direction, budgetText, within, ...(input.note ? { note: input.note } : {}) };
}

export interface Report {
  generatedAt: string;
  runs: number;
  cpus: number;
  cpuModel: string;
  chromium: string;
  durationSeconds: number;
  figures: Figure[];
  details: Record<string, unknown>;
  notes: string[];
}

const format = (value: number): string => (Number.isFinite(value) ? (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(value % 1 === 0 ? 0 : 2)) : 'n/a');

function verdict(item: Figure): string {
  if (item.within === null) return Number.isFinite(item.median) ? 'info' : '**not measured**';
  return item.within ? 'within budget' : '**MISSES budget**';
}

export function renderMarkdown(report: Report): string {
  const rows = report.figures.map((item) =>
    `| ${item.id} | ${item.what} | ${format(item.median)} ${item.unit} | ${format(item.min)}–${format(item.max)} | ${item.budgetText} | ${verdict(item)} |`);
  const misses = report.figures.filter((item) => item.within === false).map((item) => `${item.id} ${item.what}`);
  return [
    `# Benchmark report`,
    '',
    `${report.generatedAt} · ${report.runs} run(s) per figure after a warm-up · ${report.cpus} CPUs (${report.cpuModel}) · Chromium ${report.chromium} · ${report.durationSeconds} s`,
    '',
    '| id | figure | median | min–max | budget | verdict |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    misses.length === 0 ? 'Every budgeted figure is within budget.' : `Misses: ${misses.join('; ')}.`,
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}

export async function writeReports(report: Report): Promise<void> {
  const directory = resolve(import.meta.dirname, '..');
  await writeFile(resolve(directory, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(resolve(directory, 'report.md'), renderMarkdown(report));
}
