/** The certificate types of the first service, and the record that every certificate signs. */

export const CERTIFICATE_TYPES = ['guardianship', 'trusteeship'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

/** A calendar day in the Asia/Almaty calendar, `YYYY-MM-DD`. */
export type Day = string;

export interface Person {
  iin: string;
  lastName: string;
  firstName: string;
  /** Patronymic; many Kazakh names have none. */
  middleName?: string;
}

export interface Child extends Person {
  birthDate: Day;
}

export interface Decision {
  /** Number of the akimat's decision appointing the guardian or trustee. */
  number: string;
  date: Day;
}

export interface ProviderNames {
  id: string;
  nameKk: string;
  nameRu: string;
}

/**
 * The full registry record of a certificate. Its RFC 8785 canonical JSON is stored byte for byte,
 * and the SHA-256 of those bytes is what the QR token signs.
 */
export interface CertificateRecord {
  v: 1;
  id: string;
  serial: string;
  type: CertificateType;
  provider: ProviderNames;
  guardian: Person;
  child: Child;
  decision: Decision;
  validFrom: Day;
  validUntil: Day;
  /** ISO 8601 instant, UTC. */
  issuedAt: string;
  kid: string;
}
