import { AppError } from '../domain/errors.js';
import type { Clock } from '../runtime/clock.js';
import type { CertificateRow } from '../store/registry-store.js';
import type { ApplicationStore } from './application-store.js';
import { isOverdue } from './deadline.js';
import { isApplicationId } from './ids.js';

/** The most rows one cabinet list returns; the newest come first. */
const LIST_LIMIT = 100;

/**
 * The applicant's personal cabinet: their applications with the status history, the
 * certificates issued on them, and their notifications. Everything is looked up by the IIN of
 * the session, so one citizen asking for another's application gets `not_found`, exactly as for
 * an id that does not exist.
 */
export class CabinetService {
  constructor(private readonly deps: { applications: ApplicationStore; clock: Clock }) {}

  /** The applicant's applications, newest first, each with its overdue flag. */
  async applications(iin: string) {
    const rows = await this.deps.applications.ofApplicant(iin, LIST_LIMIT);
    const now = this.deps.clock.now();
    return rows.map((application) => ({ application, overdue: isOverdue(application, now) }));
  }

  /** One of the applicant's applications, with its transitions and attachment details. */
  async application(iin: string, id: string) {
    const application = isApplicationId(id) ? await this.deps.applications.byId(id) : undefined;
    if (!application || application.applicantIin !== iin) {
      throw new AppError('not_found', 'You have no application with this id');
    }

    const [history, [attachment]] = await Promise.all([
      this.deps.applications.transitions(id),
      this.deps.applications.attachmentInfo([id]),
    ]);
    const overdue = isOverdue(application, this.deps.clock.now());
    return { application, overdue, history, attachment };
  }

  certificates(iin: string) {
    return this.deps.applications.certificatesOfApplicant(iin, LIST_LIMIT);
  }

  /**
   * A certificate issued on one of the applicant's applications, for downloading. A revoked one
   * is no longer handed out: a fresh copy of a document that no longer counts would look clean
   * to anyone who does not scan it. A suspended one still is, since a suspension may end.
   *
   * @throws AppError `not_found` (not the applicant's, or no such id), `certificate_revoked`.
   */
  async certificate(iin: string, certificateId: string): Promise<CertificateRow> {
    const [found] = await this.deps.applications.certificatesOfApplicant(iin, 1, certificateId);
    if (!found) throw new AppError('not_found', 'You hold no certificate with this id');
    if (found.certificate.status === 'revoked') {
      throw new AppError(
        'certificate_revoked',
        'The certificate is revoked and no longer valid; its documents are not issued any more',
      );
    }
    return found.certificate;
  }

  notifications(iin: string) {
    return this.deps.applications.notifications(iin, LIST_LIMIT);
  }
}
