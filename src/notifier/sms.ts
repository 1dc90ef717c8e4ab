/**
 * Text messages to a citizen's phone. Sign-in codes are the only messages so far; the notifier
 * layer keeps how they travel (an outbox table in the demo, an operator's HTTP gateway in
 * production) out of the services that decide what to say.
 */

/** Sends one SMS. Resolves once the carrier (or the outbox) has accepted it. */
export interface SmsSender {
  /**
   * @param phone E.164, `+7` and ten digits, as the identity gateway registers it.
   * @throws SmsDeliveryError when the message was not accepted; the caller decides what to tell.
   */
  send(phone: string, text: string): Promise<void>;
}

/** Why a message was not accepted; for logs, callers need not branch on it. */
export type SmsFailure = 'timeout' | 'network' | 'rejected' | 'server_error';

/**
 * The message was not accepted. Its text names the failure, never the phone or the message:
 * both are personal, and the text carries a sign-in code.
 */
export class SmsDeliveryError extends Error {
  override readonly name = 'SmsDeliveryError';

  constructor(
    readonly reason: SmsFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
