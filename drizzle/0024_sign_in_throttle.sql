CREATE TABLE "sign_in_throttle" (
	"email" text NOT NULL,
	"ip_address" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	CONSTRAINT "sign_in_throttle_email_ip_address_pk" PRIMARY KEY("email","ip_address")
);
--> statement-breakpoint
DROP TABLE "login_failure" CASCADE;--> statement-breakpoint
CREATE INDEX "sign_in_throttle_window_idx" ON "sign_in_throttle" USING btree ("window_started_at");