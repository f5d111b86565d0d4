CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"user_id" text,
	"user_email" text,
	"client_ip" text NOT NULL,
	"route" text NOT NULL,
	"model" text,
	"prompt_hash" text,
	"prompt_text" text,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"cache_hit_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"reasoning_tokens" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"http_status" integer NOT NULL,
	"error_code" text,
	"upstream_status" integer,
	"retries" integer DEFAULT 0 NOT NULL,
	"cache_status" text DEFAULT 'BYPASS' NOT NULL,
	"redactions" integer DEFAULT 0 NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"ttft_ms" integer,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "audit_events_status_check" CHECK ("audit_events"."status" in ('complete', 'interrupted', 'error', 'rejected')),
	CONSTRAINT "audit_events_cache_status_check" CHECK ("audit_events"."cache_status" in ('HIT', 'MISS', 'BYPASS'))
);
--> statement-breakpoint
CREATE INDEX "audit_events_created_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_events_user_created_idx" ON "audit_events" USING btree ("user_id","created_at");