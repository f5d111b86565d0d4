ALTER TABLE "shares" ALTER COLUMN "conversation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "kind" text DEFAULT 'conversation' NOT NULL;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "comparison_id" text;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_kind_check" CHECK ("shares"."kind" in ('conversation', 'comparison'));--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_source_check" CHECK (("shares"."kind" = 'conversation') = ("shares"."conversation_id" is not null) and ("shares"."kind" = 'comparison') = ("shares"."comparison_id" is not null));