// Type usage of the spreadsheet, document and share-link API: compiled by
// `tsc --noEmit -p tests/types`. The expected errors at the end must stay errors.
import {
  parseCsv,
  toCsv,
  readDocument,
  encodeShareLink,
  decodeShareLink,
  exampleBacklog,
  type Backlog,
  type ColumnUse,
  type CsvExportOptions,
  type CsvImport,
  type CsvImportError,
  type CsvImportOptions,
  type ImportProblem,
  type Scenario,
  type ScoreOptions,
  type TwosidedDocument,
} from "twosided";

const options: CsvImportOptions = { delimiter: "tab", decimal: "auto", mapping: { Pts: "effort" }, partial: true };
const imported: CsvImport = parseCsv("Name\tEffort\nA\t1\n", options);
const backlog: Backlog = imported.backlog;
const columns: ColumnUse[] = imported.columns;
const firstField: string | null = columns[0]?.field ?? null;
const skipped: number[] = imported.skippedRows;
const warning: ImportProblem | undefined = imported.warnings[0];
const where: [number | null, number | null, string | null] | undefined = warning && [warning.row, warning.column, warning.header];

try {
  parseCsv("Name,Effort\nA,lots\n");
} catch (error) {
  const failed = error as CsvImportError;
  for (const problem of failed.problems) {
    const row: number | null = problem.row;
    const text: string = `${problem.path}: ${problem.message}`;
    void row, text;
  }
}

const exportOptions: CsvExportOptions = { what: "results", scoreOptions: { buyerWeight: 0.7 }, delimiter: "semicolon", decimal: "comma", lineEnding: "lf", bom: true };
const csv: string = toCsv(exampleBacklog(), exportOptions);
const plain: string = toCsv(backlog);

const document: TwosidedDocument = readDocument(JSON.parse("{}") as unknown);
const version: 1 = document.version;
const saved: ScoreOptions | undefined = document.settings;

const fragment: string = encodeShareLink({ backlog, settings: { strategy: "nash" } });
const scenario: Scenario = decodeShareLink(`#${fragment}`);
const settings: ScoreOptions | null = scenario.settings;

void firstField, skipped, where, csv, plain, version, saved, settings;

// @ts-expect-error: the delimiter is one of the named ones
parseCsv("a", { delimiter: "|" });
// @ts-expect-error: a roadmap export is chosen by name, not by a boolean
toCsv(backlog, { what: true });
// @ts-expect-error: a scenario needs its backlog
encodeShareLink({ settings: {} });
// @ts-expect-error: a link is text
decodeShareLink(42);
