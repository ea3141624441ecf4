// Declarations for the parts of wink-bm25-text-search the tutor uses (the package ships none).
declare module "wink-bm25-text-search" {
  type PrepTask = (input: string) => string[] | string;
  interface Bm25Config {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
    ovFldNames?: string[];
  }
  interface Bm25Engine {
    defineConfig(config: Bm25Config): boolean;
    definePrepTasks(tasks: PrepTask[], field?: string): number;
    addDoc(doc: Record<string, string | number | null>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search<P = unknown>(
      text: string,
      limit?: number,
      filter?: (fieldValues: Record<string, unknown>, params: P) => boolean,
      params?: P,
    ): [string, number][];
    reset(): boolean;
    getTokens(): Record<string, number>;
    getIDF(): number[];
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  function bm25(): Bm25Engine;
  export default bm25;
}
