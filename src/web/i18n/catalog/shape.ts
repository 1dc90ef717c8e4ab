import type { ru } from './ru.js';

/** Plural forms Russian has and Kazakh and English do not (CLDR: one/other only). */
type ExtraPlural = `${string}_few` | `${string}_many`;

type Section<T> = { [K in keyof T as K extends ExtraPlural ? never : K]: string } & {
  [K in keyof T as K extends ExtraPlural ? K : never]?: string;
};

/** Every catalog has every message of the Russian one (the fullest in plural forms). */
export type Catalog = { [S in keyof typeof ru]: Section<(typeof ru)[S]> };
