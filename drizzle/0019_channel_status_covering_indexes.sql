DROP INDEX "channel_folio_local_list_idx";--> statement-breakpoint
DROP INDEX "channel_folio_national_list_idx";--> statement-breakpoint
CREATE INDEX "channel_folio_local_list_idx" ON "channel_folio" USING btree ("local_org_id","module","received_on","nature","status","last_event_on","id");--> statement-breakpoint
CREATE INDEX "channel_folio_national_list_idx" ON "channel_folio" USING btree ("national_org_id","module","received_on","local_org_id","nature","status","last_event_on","id");