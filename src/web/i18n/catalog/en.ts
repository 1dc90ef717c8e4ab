import type { Catalog } from './shape.js';

/** English. */
export const en: Catalog = {
  site: {
    name: 'Registry of certificates of guardianship and trusteeship',
    skip: 'Skip to content',
    language: 'Language',
    nav: 'Sections',
    verify: 'Verify a certificate',
    service: 'About the service',
  },
  footer: {
    mistake: 'Report a mistake',
    mistakeHint: 'Found a mistake in the text? Select it and press Ctrl+Enter.',
    contact: 'Unified Contact Center: 1414 (free call)',
    operator: 'Local executive bodies of the Republic of Kazakhstan',
  },
  mistake: {
    title: 'Report a mistake',
    selected: 'Text with the mistake',
    comment: 'Comment (optional)',
    page: 'Page',
    send: 'Send',
    close: 'Close',
    thanks: 'Thank you, the error report has been received',
    sorry: 'Sorry, the error report cannot be processed right now. Please try later.',
    back: 'Back to the page',
  },
  verdict: {
    valid: 'Authentic and valid',
    revoked: 'Revoked',
    expired: 'Expired',
    not_yet_valid: 'Not valid yet',
    invalid: 'Invalid or forged',
    not_found: 'Not in the registry',
    suspended: 'Suspended',
    status_unavailable: 'Signature authentic, registry status unknown right now',
  },
  cause: {
    format: 'This code is not a certificate of this registry.',
    unknown_key: 'The code is signed with a key we never published.',
    signature: 'The signature does not match: the code was altered or forged.',
    record_mismatch: 'The registry record does not match the signed code.',
    key_compromised: 'Signed after the issuer’s key was compromised.',
  },
  reasons: {
    guardianship_terminated: 'Guardianship (trusteeship) ended',
    issued_in_error: 'Issued in error',
    superseded: 'Replaced by a new certificate',
    data_changed: 'The details changed',
    court_decision: 'By a court decision',
    holder_deceased: 'The guardian (trustee) died',
    unspecified: 'No reason given',
    court_proceedings: 'Until a court decides',
    under_review: 'Under review by the guardianship authority',
    document_lost: 'Reported lost',
  },
  labels: {
    title: 'Certificate verification',
    serial: 'Serial',
    type: 'Type',
    issuer: 'Issued by',
    guardian: 'Guardian (trustee)',
    child: 'Child',
    validity: 'Valid',
    issuedAt: 'Issued',
    revokedAt: 'Revoked on',
    reason: 'Reason',
    checkedAt: 'Checked at',
    quishing: 'Only this site verifies certificates. Do not trust a QR code that leads elsewhere.',
    domain: 'The verification site is {{domain}}',
    guardianship: 'Certificate of guardianship',
    trusteeship: 'Certificate of trusteeship',
    compare: 'Compare these details with the paper certificate.',
    notFoundAdvice:
      'Do not accept this certificate. ' +
      'Contact the issuing body or the Unified Contact Center 1414.',
    suspendedAt: 'Suspended on',
    unavailableAdvice:
      'The registry is not answering right now. Check the status again in a few minutes.',
  },
  log: {
    recorded:
      'Recorded in the public log at index {{index}}; checkpoint of size {{size}}, signed at ' +
      '{{at}}. Inclusion proof checked.',
    pending:
      'Recorded in the public log at index {{index}}; not yet in a signed checkpoint ' +
      '(latest: size {{size}}, signed at {{at}}).',
    unproven:
      'Entry {{index}} of the public log does not match the checkpoint of size {{size}}, ' +
      'signed at {{at}}.',
  },
  home: {
    lead: 'The public registry of certificates of guardianship and trusteeship.',
    how: 'Check a certificate any way you like:',
    scanTitle: 'Scan the QR code',
    scanStart: 'Turn the camera on',
    scanStop: 'Turn the camera off',
    scanHint: 'Point the camera at the QR code of the certificate.',
    cameraDenied: 'No access to the camera. Allow it, or upload a photo of the certificate.',
    cameraUnsupported: 'This browser gives no access to a camera. Upload a photo instead.',
    uploadTitle: 'Upload a photo, scan or PDF',
    uploadLabel: 'The certificate file (JPEG, PNG or PDF)',
    reading: 'Reading the file…',
    noQr: 'No QR code found in the file. Take a closer, straighter photo of the QR code.',
    badFile: 'This file could not be read. Use a JPEG, PNG or PDF.',
    pasteTitle: 'Paste a link',
    pasteLabel: 'Paste the link from the QR code',
    pasteButton: 'Verify',
    notALink: 'This is not the link from a QR code. Scan the QR code or paste its full link.',
    lookupTitle: 'By serial and IIN',
    lookupSerial: 'Certificate serial',
    lookupSerialHint: 'For example, AST-2026-000003',
    lookupIin: 'IIN of the guardian or the child',
    lookupIinHint: '12 digits',
    lookupButton: 'Find and verify',
    lookupNoMatch:
      'No certificate with this serial and IIN. Check both against the paper certificate.',
    lookupBadSerial: 'Serial: letters, year and number joined by hyphens, e.g. AST-2026-000003.',
    lookupBadIin: 'IIN: exactly 12 digits.',
    busy: 'Too many attempts. Please try later.',
    needsJs: 'The camera and file upload need JavaScript.',
    foreignLink:
      'This QR code leads to another site: {{host}}. Only {{domain}} verifies certificates. ' +
      'Do not enter anything there.',
  },
  result: {
    title: 'Result',
    signatureTitle: 'Signature',
    signatureChecking: 'Checking the signature…',
    signatureValid: 'Signature authentic: the code is signed with a published key of the issuer.',
    signatureNone: 'Found by serial and IIN: no QR code signature was checked here.',
    signatureNoKeys: 'The keys to check the signature are not available offline.',
    statusTitle: 'Registry status',
    statusChecking: 'Asking the registry for the status…',
    statusChecked: 'Status checked {{time}}, {{ago}}',
    secondsAgo_one: '{{count}} s ago',
    secondsAgo_other: '{{count}} s ago',
    offline: 'Signature authentic; registry status not available offline.',
    statusUnavailable: 'The registry status is not available right now. Check again later.',
    again: 'Check another certificate',
    retry: 'Ask for the status again',
  },
  service: {
    title: 'Certificates of guardianship and trusteeship',
    lead:
      'The certificate confirms that a person is the appointed guardian or trustee of a child. ' +
      'Guardianship is for children under 14; trusteeship for children from 14 to 18.',
    print: 'Printable version',
    howTitle: 'How to get the certificate',
    how1: 'Sign in to the personal cabinet with your EDS or a one-time password sent by SMS.',
    how2: 'Choose the kind of certificate and enter the child’s IIN.',
    how3: 'Sign the application with your EDS or confirm it with the one-time password.',
    how4: 'Receive the certificate in the personal cabinet, where the status and notices are shown.',
    whoTitle: 'Who provides the service',
    who:
      'The local executive bodies (akimats) of the cities of Astana, Almaty and Shymkent, and of ' +
      'districts and cities of regional importance.',
    termTitle: 'Term',
    term: '30 minutes from the moment the application is delivered.',
    resultTitle: 'Result',
    result:
      'An electronic certificate signed by the EDS of the provider’s authorized person, in the ' +
      'personal cabinet. It can be downloaded (PDF, image) and verified by its QR code here.',
    docsTitle: 'Documents needed',
    docs:
      'None that the state information systems already hold (identity document, the child’s ' +
      'birth certificate): the provider obtains them itself.',
    docsCopy:
      'A copy of the birth certificate is needed only for a child born before 13 August 2007 ' +
      'or outside the Republic of Kazakhstan.',
    costTitle: 'Cost',
    cost: 'Free of charge.',
    contactTitle: 'Help',
    contact: 'Unified Contact Center: 1414, free call.',
    updated: 'Last updated: {{date}}',
    countersTitle: 'Visitors',
    month: 'This month',
    yesterday: 'Yesterday',
    online: 'Online now',
    countersNote: 'Visits are counted without cookies and without storing IP addresses.',
  },
};
