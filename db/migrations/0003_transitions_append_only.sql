-- Application history is append-only, like the event log.
CREATE TRIGGER application_transitions_append_only
  BEFORE UPDATE OR DELETE ON application_transitions
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();
