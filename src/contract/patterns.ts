// Shared by the runtime schema and schema/feed.schema.json (a test keeps them equal).

/**
 * RFC 3339 date-time with a mandatory offset: `2026-06-18T15:00:00+02:00`. The date part knows the
 * days of each month and the leap years (Gregorian), so that `2026-02-31` is refused rather than
 * rolled over to March 3rd by `Date`: a JSON Schema `pattern` can say that, a `format` is optional.
 */
export const DATE_TIME =
  '^(?:\\d{4}-(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|\\d{4}-(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|\\d{4}-02-(?:0[1-9]|1\\d|2[0-8])|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$';

/** ISO 8601 duration as feeds use it for recordings: `PT1H58M`, `PT45M30S`. */
export const DURATION = '^P(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$';

/** Shape of an IANA zone name (`Europe/Madrid`, `UTC`). Whether the zone exists is checked at runtime. */
export const TIME_ZONE = '^[A-Za-z_]+(/[A-Za-z0-9_+\\-]+)*$';

/** BCP 47 language tag, loosely: `en`, `fr-CA`, `zh-Hant`. */
export const LANGUAGE = '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

/** Ids appear in URLs (`/api/polls/<id>`) and in the URL hash. */
export const ID = '^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}$';

/** The opaque voter id a widget generates and keeps (`voter` in the poll API). */
export const VOTER_ID = '^[A-Za-z0-9_-]{8,64}$';
