export function systemChromiumPaths(env?: Record<string, string | undefined>): string[];
export function systemChromium(env?: Record<string, string | undefined>): string | undefined;
