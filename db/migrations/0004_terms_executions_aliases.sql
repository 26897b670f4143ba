ALTER TABLE `decisions` ADD `term_certainty` text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `term_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `term_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `executions` ADD `filled_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `executions` ADD `done_on` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_certainty` text DEFAULT 'exact' NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `aliases` text DEFAULT '' NOT NULL;