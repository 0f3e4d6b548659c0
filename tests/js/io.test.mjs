// Spreadsheets, the versioned document and share links through the built
// package, imported by name as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  parseCsv,
  toCsv,
  readDocument,
  encodeShareLink,
  decodeShareLink,
  exampleBacklog,
  defaultOptions,
  score,
  planRoadmap,
} from "twosided";
import { thrown, assertTwosidedError as assertTwosided } from "./errors.mjs";

const data = (name) => readFileSync(fileURLToPath(new URL(`../data/${name}`, import.meta.url)), "utf8");

// ---- parseCsv ---------------------------------------------------------------

test("a pasted spreadsheet selection (tab-separated) is read by header name", () => {
  const result = parseCsv(data("spreadsheet_paste.tsv"));
  assert.equal(result.delimiter, "tab");
  assert.equal(result.decimal, "point");
  const names = result.backlog.initiatives.map((i) => i.name);
  assert.deepEqual(names, ["Faster checkout", "Seller analytics", "Saved searches"]);
  // Ids are made from names when the sheet has none, with a warning.
  assert.deepEqual(result.backlog.initiatives.map((i) => i.id), ["faster-checkout", "seller-analytics", "saved-searches"]);
  const checkout = result.backlog.initiatives[0];
  assert.equal(checkout.buyer.reach, 2000);
  assert.equal(checkout.buyer.impact, 2);
  assert.equal(checkout.buyer.confidence, 0.8);
  assert.equal(checkout.effort, 4);
  assert.equal(checkout.seller, undefined);
  assert.equal(result.backlog.initiatives[2].seller.impact, 0.25);
  assert.deepEqual(result.rows, [2, 3, 4]);
  assert.deepEqual(result.skippedRows, []);
  assert.deepEqual(result.problems, []);
  assert.equal(result.problemCount, 0);
  assert.deepEqual(result.columns.slice(0, 2), [
    { column: 1, header: "Name", field: "name" },
    { column: 2, header: "Buyer reach", field: "buyer.reach" },
  ]);
  for (const warning of result.warnings) {
    assert.match(warning.message, /\w/);
    assert.equal(typeof warning.path, "string");
  }
  // The imported backlog scores as it is.
  assert.equal(score(result.backlog).length, 3);
});

test("German Excel: semicolons, decimal commas, thousands points and a BOM", () => {
  const result = parseCsv(data("excel_de.csv"));
  assert.equal(result.delimiter, "semicolon");
  assert.equal(result.decimal, "comma");
  const [payout, suche, gebuehr] = result.backlog.initiatives;
  assert.equal(payout.id, "payout");
  assert.equal(payout.name, "Auszahlungs-Dashboard für Händler");
  assert.equal(payout.seller.reach, 1200);
  assert.equal(payout.seller.confidence, 0.8);
  assert.deepEqual(payout.effort, { low: 1, likely: 1.5, high: 2.5 });
  assert.equal(suche.buyer.reach, 5000);
  assert.equal(suche.seller.impact, 0.5);
  assert.equal(gebuehr.name, "Käufergebühr 2,5 %");
  assert.equal(gebuehr.buyer.impact, -0.5);
});

test("a bad cell throws with its row, column and header; nothing is returned", () => {
  const error = thrown(() => parseCsv(data("broken_types.csv")));
  assertTwosided(error, "VALIDATION_FAILED");
  const located = error.problems.map((p) => [p.row, p.column, p.header, p.code]);
  assert.deepEqual(located, [
    [3, 2, "Buyer reach", "INVALID_CELL"],
    [4, 3, "Buyer impact", "INVALID_CELL"],
    [5, 6, "Kind", "INVALID_CELL"],
    // Readable cells whose values break the rules: an impact off the scale, no effort.
    [6, 3, "Buyer impact", "INVALID_IMPACT"],
    [7, 5, "Effort", "INVALID_EFFORT"],
  ]);
  for (const problem of error.problems) {
    assert.match(problem.message, /\w{3}/);
    assert.equal(problem.path, `row ${problem.row}, column ${problem.column} (${problem.header})`);
  }
  assert.match(error.message, /5 problems; the first, at row 3, column 2 \(Buyer reach\)/);
  // The thrown error's path is the first problem's location.
  assert.equal(error.path, "row 3, column 2 (Buyer reach)");
});

test("goal, status and outcome columns are read, and their bad cells located", () => {
  const result = parseCsv(data("post_launch.csv"));
  const [guest, replies] = result.backlog.initiatives;
  assert.equal(guest.status, "reviewed");
  assert.equal(guest.moscow, "must");
  assert.deepEqual(guest.goal, { baseline: 2.4, target: 4.4, unit: "% first-order conversion" });
  assert.equal(guest.outcome.buyer.reach, 21000);
  assert.equal(replies.outcome.movement, 19);
  assert.deepEqual(result.columns.find((c) => c.header === "Actual seller impact"),
    { column: 17, header: "Actual seller impact", field: "outcome.seller.impact" });

  const error = thrown(() => parseCsv("Name,Effort,Status,Goal baseline,Goal target\nA,1,purple,1,2\nB,1,,1,\n"));
  assertTwosided(error, "VALIDATION_FAILED");
  assert.deepEqual(error.problems.map((p) => [p.row, p.column, p.header, p.code]), [
    [2, 3, "Status", "INVALID_CELL"],
    [3, 5, "Goal target", "INVALID_GOAL"],
  ]);
  assert.match(error.problems[0].message, /idea, planned, in progress, launched or reviewed/);
});

test("a partial import keeps the good rows and lists the skipped ones", () => {
  const result = parseCsv(data("broken_types.csv"), { partial: true });
  assert.deepEqual(result.backlog.initiatives.map((i) => i.name), ["Good row"]);
  assert.deepEqual(result.rows, [2]);
  assert.deepEqual(result.skippedRows, [3, 4, 5, 6, 7]);
  assert.equal(result.problemCount, 5);
  assert.deepEqual(result.problems.map((p) => [p.row, p.column]), [[3, 2], [4, 3], [5, 6], [6, 3], [7, 5]]);
});

test("ragged rows are located by row, and the cell beyond the header by column", () => {
  const error = thrown(() => parseCsv(data("broken_ragged.csv")));
  assertTwosided(error, "VALIDATION_FAILED");
  const ragged = error.problems.find((p) => p.code === "RAGGED_ROW");
  assert.equal(ragged.row, 3);
  assert.equal(ragged.column, 6);
  const short = error.problems.filter((p) => p.row === 4);
  assert.ok(short.length > 0, "the short row has a problem");
});

test("an empty file is a problem with the file, without row or column", () => {
  const error = thrown(() => parseCsv(""));
  assertTwosided(error, "VALIDATION_FAILED");
  assert.deepEqual(error.problems.map((p) => [p.row, p.column, p.code, p.path]), [[null, null, "INVALID_SIZE", "file"]]);
});

test("an explicit mapping overrides the header guess", () => {
  const text = "Pts,Title,Buyer reach,Buyer impact,Buyer confidence\n3,Search,100,1,50%\n";
  const error = thrown(() => parseCsv(text));
  assertTwosided(error, "VALIDATION_FAILED");
  const result = parseCsv(text, { mapping: { Pts: "effort" } });
  assert.equal(result.backlog.initiatives[0].effort, 3);
});

test("misshapen arguments throw PARSE_ERROR with the path", () => {
  assertTwosided(thrown(() => parseCsv("a,b", { delimeter: "tab" })), "PARSE_ERROR", "options.delimeter");
  assertTwosided(thrown(() => parseCsv("a,b", { delimiter: "pipe" })), "PARSE_ERROR", "options.delimiter");
  assertTwosided(thrown(() => parseCsv(42)), "PARSE_ERROR", "text");
});

// ---- toCsv ------------------------------------------------------------------

/** Segment estimates in segment-id order: a spreadsheet has one column per
 * segment, so their order within an initiative is the columns' order. */
function segmentsSorted(backlog) {
  const copy = structuredClone(backlog);
  for (const initiative of copy.initiatives) {
    for (const side of ["buyer", "seller"]) {
      initiative[side]?.segments?.sort((a, b) => a.segment.localeCompare(b.segment));
    }
  }
  return copy;
}

test("an exported backlog imports back as the same backlog, post-launch records included", () => {
  const backlog = exampleBacklog();
  // The example has goals, statuses and outcomes, so the round trip below
  // compares them too.
  assert.ok(backlog.initiatives.some((i) => i.status === "reviewed" && i.outcome && i.goal));
  const csv = toCsv(backlog);
  const header = csv.split("\r\n")[0].split(",");
  for (const column of ["Status", "Goal baseline", "Goal target", "Actual effort", "Observed value", "Learning"]) {
    assert.ok(header.includes(column), column);
  }
  assert.ok(csv.includes("\r\n"), "CRLF by default");
  const again = parseCsv(csv, { settings: { ...backlog, initiatives: [] } });
  assert.deepEqual(segmentsSorted(again.backlog), segmentsSorted(backlog));
  assert.deepEqual(score(again.backlog).map((r) => r.id), score(backlog).map((r) => r.id));
  // European Excel settings survive the round trip too.
  const de = toCsv(backlog, { delimiter: "semicolon", decimal: "comma", bom: true, lineEnding: "lf" });
  assert.ok(de.startsWith("\uFEFF"));
  assert.ok(!de.includes("\r\n"));
  assert.deepEqual(segmentsSorted(parseCsv(de, { settings: { ...backlog, initiatives: [] } }).backlog), segmentsSorted(backlog));
});

test("text that a spreadsheet would run as a formula is guarded, numbers stay numbers", () => {
  const backlog = {
    initiatives: [
      { id: "a", name: "=HYPERLINK(\"http://evil\",\"x\")", effort: 1, buyer: { reach: 10, impact: -0.5, confidence: 0.5 } },
      { id: "b", name: "@SUM(A1)", effort: 2, description: "+1 for sellers" },
    ],
  };
  const csv = toCsv(backlog);
  assert.ok(csv.includes("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""), csv);
  assert.ok(csv.includes("'@SUM(A1)"));
  assert.ok(csv.includes("'+1 for sellers"));
  assert.ok(/,-0\.5,/.test(csv), "a negative number is written as a number");
  const again = parseCsv(csv).backlog;
  assert.equal(again.initiatives[0].name, backlog.initiatives[0].name);
  assert.equal(again.initiatives[1].description, "+1 for sellers");
});

test("results export: the ranking in order, with the options given", () => {
  const backlog = exampleBacklog();
  const options = { buyerWeight: 0.8, strategy: "nash" };
  const csv = toCsv(backlog, { what: "results", scoreOptions: options, lineEnding: "lf" });
  const lines = csv.trimEnd().split("\n");
  assert.ok(lines[0].startsWith("Rank,ID,Name,Kind,Score,Buyer value,Seller value"));
  const ranked = score(backlog, options);
  assert.equal(lines.length, ranked.length + 1);
  const ids = lines.slice(1).map((line) => line.split(",")[1]);
  assert.deepEqual(ids, ranked.map((r) => r.id));
  assert.equal(lines[1].split(",")[0], "1");
});

test("a roadmap exports one row per initiative: planned by period, then left out with the reason", () => {
  const backlog = exampleBacklog();
  const plan = { periods: [{ name: "Q1", capacity: 8 }, { name: "Q2", capacity: 8 }], scoring: { buyerWeight: 0.6 }, pins: { exclude: [backlog.initiatives[0].id] } };
  const roadmap = planRoadmap(backlog, plan);
  const csv = toCsv(backlog, { what: "roadmap", plan, lineEnding: "lf" });
  const lines = csv.trimEnd().split("\n");
  assert.equal(lines[0], "Period,ID,Name,Kind,Effort,Buyer value,Seller value,Balanced score,Value in plan,Pinned,Left out because");
  assert.equal(lines.length, backlog.initiatives.length + 1);
  // Names in the example hold no commas or quotes, so the id is the second cell.
  const periodOf = new Map(lines.slice(1).map((line) => [line.split(",")[1], line.split(",")[0]]));
  assert.equal(periodOf.size, backlog.initiatives.length);
  for (const planned of roadmap.plan.scheduled) assert.equal(periodOf.get(planned.id), planned.periodName);
  for (const left of roadmap.leftOut) assert.equal(periodOf.get(left.id), "not planned");
  const excluded = lines.find((line) => line.split(",")[1] === backlog.initiatives[0].id);
  const reason = roadmap.leftOut.find((l) => l.id === backlog.initiatives[0].id).explanation;
  assert.ok(excluded.includes(reason.includes(",") ? `"${reason.replaceAll('"', '""')}"` : reason), excluded);
  // Without plan options, the default plan (four quarters of 12) is written.
  const fallback = toCsv(backlog, { what: "roadmap" });
  const scheduled = planRoadmap(backlog).plan.scheduled;
  assert.equal(fallback.split("\r\n").filter((line) => /^Q[1-4],/.test(line)).length, scheduled.length);
});

test("export errors: a decimal comma needs another delimiter, plan errors name options.plan", () => {
  const backlog = exampleBacklog();
  assertTwosided(thrown(() => toCsv(backlog, { decimal: "comma" })), "INVALID_OPTION", "options.decimal");
  assertTwosided(thrown(() => toCsv(backlog, { what: "everything" })), "PARSE_ERROR", "options.what");
  assertTwosided(thrown(() => toCsv(backlog, { what: "results", scoreOptions: { buyerWeight: 2 } })), "INVALID_OPTION");
  const pinned = thrown(() => toCsv(backlog, { what: "roadmap", plan: { pins: { include: ["no-such-initiative"] } } }));
  assert.match(pinned.path, /^options\.plan\.pins\.include\[0\]/);
  assertTwosided(thrown(() => toCsv(backlog, { what: "roadmap", plan: { periods: [{ name: "Q1", capacity: -1 }] } })), "INVALID_OPTION", "options.plan.periods[0].capacity");
  assertTwosided(thrown(() => toCsv(backlog, { what: "roadmap", plan: { perods: [] } })), "PARSE_ERROR");
});

// ---- share links --------------------------------------------------------------

test("a share link round-trips the scenario exactly, and ranks the same", () => {
  const backlog = exampleBacklog();
  const settings = { ...defaultOptions(), strategy: "maxMin", buyerWeight: 0.3 };
  const fragment = encodeShareLink({ backlog, settings });
  assert.match(fragment, /^scenario=v1\.[A-Za-z0-9_-]+$/);
  for (const link of [fragment, `#${fragment}`, `https://example.org/calc/?x=1#${fragment}`]) {
    const decoded = decodeShareLink(link);
    assert.deepEqual(decoded, { backlog, settings });
  }
  const { backlog: b, settings: s } = decodeShareLink(fragment);
  assert.deepEqual(score(b, s), score(backlog, settings));
  // Compressed: shorter than the JSON it carries, even after base64.
  assert.ok(fragment.length < JSON.stringify({ backlog, settings }).length, `${fragment.length} characters`);
});

test("settings are optional, and partial settings are completed", () => {
  const backlog = { initiatives: [{ id: "a", name: "A", effort: 1, buyer: { reach: 10, impact: 1, confidence: 1 } }] };
  // The link carries the backlog with its defaults written out, as a saved document does.
  const complete = readDocument(backlog).backlog;
  assert.equal(complete.reachPeriod, "quarter");
  assert.deepEqual(decodeShareLink(encodeShareLink({ backlog })), { backlog: complete, settings: null });
  const { settings } = decodeShareLink(encodeShareLink({ backlog, settings: { framework: "ice" } }));
  assert.deepEqual(settings, { ...defaultOptions(), framework: "ice" });
});

test("a damaged, cut or foreign link throws a clear error", () => {
  const fragment = encodeShareLink({ backlog: exampleBacklog() });
  const middle = Math.floor(fragment.length / 2);
  const swapped = fragment.slice(0, middle) + (fragment[middle] === "A" ? "B" : "A") + fragment.slice(middle + 1);
  for (const bad of [swapped, fragment.slice(0, -7), `${fragment.slice(0, middle)}!${fragment.slice(middle + 1)}`]) {
    const error = thrown(() => decodeShareLink(bad));
    assertTwosided(error, "PARSE_ERROR", "shareLink");
    assert.match(error.message, /damaged/);
  }
  assert.match(thrown(() => decodeShareLink("https://example.org/#section-2")).message, /not a scenario link/);
  assert.match(thrown(() => decodeShareLink("#scenario=v9.abc")).message, /newer version/);
  assertTwosided(thrown(() => decodeShareLink(`#scenario=v1.${"A".repeat(70_000)}`)), "LIMIT_EXCEEDED", "shareLink");
  assertTwosided(thrown(() => decodeShareLink(null)), "PARSE_ERROR", "shareLink");
});

test("random text never crashes the decoder", () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let i = 0; i < 300; i += 1) {
    let data = "";
    const length = next() % 200;
    for (let j = 0; j < length; j += 1) data += alphabet[next() % alphabet.length];
    const error = thrown(() => decodeShareLink(`#scenario=v1.${data}`));
    assert.equal(error.name, "TwosidedError");
  }
  // The instance still works afterwards.
  assert.ok(decodeShareLink(encodeShareLink({ backlog: exampleBacklog() })).backlog.initiatives.length > 0);
});

test("an invalid backlog is not encoded; the problems are listed", () => {
  const error = thrown(() => encodeShareLink({ backlog: { initiatives: [{ id: "a", name: "A", effort: -1 }] } }));
  assertTwosided(error, "VALIDATION_FAILED");
  assert.equal(error.problems[0].path, "initiatives[0].effort");
  assertTwosided(thrown(() => encodeShareLink({ backlog: exampleBacklog(), extra: 1 })), "PARSE_ERROR", "scenario.extra");
});

// ---- readDocument -------------------------------------------------------------

test("readDocument migrates version 0 and reads version 1", () => {
  const backlog = exampleBacklog();
  assert.deepEqual(readDocument(backlog), { version: 1, backlog });
  const settings = defaultOptions();
  assert.deepEqual(readDocument({ version: 1, backlog, settings }), { version: 1, backlog, settings });
  // What JSON.stringify then JSON.parse gives reads the same.
  assert.deepEqual(readDocument(JSON.parse(JSON.stringify({ version: 1, backlog }))).backlog, backlog);
});

test("readDocument refuses unknown fields with their path, and newer versions", () => {
  const typo = { version: 1, backlog: { initiatives: [{ id: "a", name: "A", effort: 1, reahc: 5 }] } };
  const error = thrown(() => readDocument(typo));
  assertTwosided(error, "PARSE_ERROR", "backlog.initiatives[0].reahc");
  assert.match(error.message, /reahc/);
  assertTwosided(thrown(() => readDocument({ version: 1, backlog: { initiatives: [] }, settings: { buyerWieght: 1 } })),
    "PARSE_ERROR", "settings.buyerWieght");
  assertTwosided(thrown(() => readDocument({ initiatives: [], extra: true })), "PARSE_ERROR", "extra");
  const newer = thrown(() => readDocument({ version: 2, backlog: { initiatives: [] } }));
  assertTwosided(newer, "PARSE_ERROR", "version");
  assert.match(newer.message, /newer/);
  assertTwosided(thrown(() => readDocument({ version: "1", backlog: { initiatives: [] } })), "PARSE_ERROR", "version");
  assertTwosided(thrown(() => readDocument([1, 2])), "PARSE_ERROR", "");
  assertTwosided(thrown(() => readDocument({ version: 1, backlog: { initiatives: [{ id: "a", name: "A", effort: "3" }] } })),
    "PARSE_ERROR", "backlog.initiatives[0].effort");
});
