ALTER TABLE "channel_folio" ADD COLUMN "nature" text;--> statement-breakpoint
ALTER TABLE "channel_folio" ADD COLUMN "last_event_on" date;--> statement-breakpoint
ALTER TABLE "channel_folio" ADD COLUMN "first_answer_on" date;--> statement-breakpoint
CREATE INDEX "channel_folio_event_as_of_idx" ON "channel_folio_event" USING btree ("folio_id","occurred_on" DESC NULLS LAST,"id" DESC NULLS LAST,"to_status");--> statement-breakpoint
-- Statistics without joins or per-folio history lookups: channel_folio keeps its communication's
-- nature, the day of its last event and the day of its first answer (first change out of the
-- initial status other than a cancellation). Filled for existing rows, then kept by triggers.
UPDATE "channel_folio" f SET "nature" = c."nature" FROM "channel_communication" c WHERE c."id" = f."communication_id";
--> statement-breakpoint
UPDATE "channel_folio" f SET "last_event_on" = e.last_on, "first_answer_on" = e.first_answer
FROM (SELECT "folio_id", max("occurred_on") AS last_on,
    min("occurred_on") FILTER (WHERE "from_status" IS NOT NULL AND "to_status" <> 'cancelled') AS first_answer
  FROM "channel_folio_event" GROUP BY "folio_id") e
WHERE e."folio_id" = f."id";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vincula_channel_folio_nature() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.nature IS NULL THEN
    SELECT c.nature INTO NEW.nature FROM channel_communication c WHERE c.id = NEW.communication_id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER channel_folio_nature BEFORE INSERT ON "channel_folio"
  FOR EACH ROW EXECUTE FUNCTION vincula_channel_folio_nature();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vincula_channel_folio_event_dates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE channel_folio SET
    last_event_on = greatest(last_event_on, NEW.occurred_on),
    first_answer_on = CASE WHEN NEW.from_status IS NOT NULL AND NEW.to_status <> 'cancelled'
      THEN least(first_answer_on, NEW.occurred_on) ELSE first_answer_on END
  WHERE id = NEW.folio_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER channel_folio_event_dates AFTER INSERT ON "channel_folio_event"
  FOR EACH ROW EXECUTE FUNCTION vincula_channel_folio_event_dates();
