CREATE TABLE "comparison_votes" (
	"id" text PRIMARY KEY NOT NULL,
	"comparison_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"turn" integer NOT NULL,
	"outcome" text NOT NULL,
	"winner" integer,
	"configs" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comparison_votes_outcome_check" CHECK ("comparison_votes"."outcome" in ('win', 'tie', 'bad')),
	CONSTRAINT "comparison_votes_winner_check" CHECK (("comparison_votes"."outcome" = 'win') = ("comparison_votes"."winner" is not null) and "comparison_votes"."turn" >= 1)
);
--> statement-breakpoint
CREATE TABLE "comparisons" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"title" text NOT NULL,
	"blind" boolean DEFAULT false NOT NULL,
	"panes" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "comparison_id" text;--> statement-breakpoint
ALTER TABLE "comparison_votes" ADD CONSTRAINT "comparison_votes_comparison_id_comparisons_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparisons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_votes" ADD CONSTRAINT "comparison_votes_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparisons" ADD CONSTRAINT "comparisons_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comparison_votes_turn_idx" ON "comparison_votes" USING btree ("comparison_id","turn");--> statement-breakpoint
CREATE INDEX "comparison_votes_created_idx" ON "comparison_votes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "comparisons_owner_updated_idx" ON "comparisons" USING btree ("owner_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_comparison_id_comparisons_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "public"."comparisons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_comparison_idx" ON "conversations" USING btree ("comparison_id");