// Wire shapes of Inspector filter criteria (requests arrive as parsed JSON).

export interface StringFilter { comparison: string; value: string }
export interface DateFilter { startInclusive?: number; endInclusive?: number }
export interface NumberFilter { lowerInclusive?: number; upperInclusive?: number }
export interface MapFilter { comparison: string; key: string; value?: string }
export interface PortRangeFilter { beginInclusive?: number; endInclusive?: number }
export interface PackageFilter {
  name?: StringFilter; version?: StringFilter; release?: StringFilter; architecture?: StringFilter;
  sourceLayerHash?: StringFilter; sourceLambdaLayerArn?: StringFilter; filePath?: StringFilter; epoch?: NumberFilter;
}
export type FilterCriteria = Record<string, unknown[]>;
export type FilterKind = "string" | "date" | "number" | "map" | "port" | "package";
