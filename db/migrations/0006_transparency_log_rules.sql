-- The transparency log is append-only: entries, tree nodes and checkpoints are never changed or
-- removed, whoever asks. Only the head's size moves, and only forward.
CREATE TRIGGER log_entries_append_only
  BEFORE UPDATE OR DELETE ON log_entries
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER log_entries_no_truncate
  BEFORE TRUNCATE ON log_entries
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER log_nodes_append_only
  BEFORE UPDATE OR DELETE ON log_nodes
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER log_nodes_no_truncate
  BEFORE TRUNCATE ON log_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_no_truncate
  BEFORE TRUNCATE ON log_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE FUNCTION log_head_reject_shrink() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.size < OLD.size THEN
    RAISE EXCEPTION 'log_head only grows';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER log_head_only_grows
  BEFORE UPDATE OR DELETE ON log_head
  FOR EACH ROW EXECUTE FUNCTION log_head_reject_shrink();
--> statement-breakpoint
CREATE TRIGGER log_head_no_truncate
  BEFORE TRUNCATE ON log_head
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
-- The fixed rule of checkpoints, held by the database as well as by the signer: a new checkpoint
-- is larger than every earlier one (so no size gets a second root) and no larger than the tree.
CREATE FUNCTION log_checkpoints_reject_smaller() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM log_checkpoints WHERE size >= NEW.size) THEN
    RAISE EXCEPTION 'log checkpoint of size % is not above the latest', NEW.size;
  END IF;
  IF NEW.size > (SELECT size FROM log_head WHERE id = 1) THEN
    RAISE EXCEPTION 'log checkpoint of size % is beyond the tree', NEW.size;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_only_grow
  BEFORE INSERT ON log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION log_checkpoints_reject_smaller();
--> statement-breakpoint
INSERT INTO log_head (id, size) VALUES (1, 0);
