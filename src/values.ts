/** Plain tests of values the SDK did not make: options, answers, thrown errors. */

/** A JSON object: not null, not an array. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v !== null && !Array.isArray(v);

/** A property of any value, whatever it is: undefined for a primitive. */
export const field = (v: unknown, key: string): unknown => (typeof v == 'object' && v !== null ? Reflect.get(v, key) : undefined);

/** What a thrown value says: an error's message, or the value itself as text. */
export const messageOf = (e: unknown): string => String((e as Error)?.message ?? e);
