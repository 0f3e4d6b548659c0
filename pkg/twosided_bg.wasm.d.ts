/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_prioritiser_free: (a: number, b: number) => void;
export const builtInTemplates: () => [number, number, number];
export const checkTemplate: (a: unknown) => [number, number, number];
export const compileFormula: (a: number, b: number, c: number, d: number) => [number, number, number];
export const defaultOptions: () => [number, number, number];
export const exampleBacklog: () => [number, number, number];
export const formulaNames: () => [number, number, number];
export const labelPins: (a: unknown, b: number) => [number, number, number];
export const prioritiser_backlog: (a: number) => [number, number, number];
export const prioritiser_new: (a: unknown) => [number, number, number];
export const prioritiser_order: (a: number, b: number) => [number, number, number];
export const prioritiser_rank: (a: number, b: number) => [number, number, number];
export const prioritiser_setSegmentWeight: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
export const score: (a: unknown, b: number) => [number, number, number];
export const validate: (a: unknown) => [number, number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
