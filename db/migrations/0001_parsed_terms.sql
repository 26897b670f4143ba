ALTER TABLE `decisions` ADD `term_kind` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `term_start` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `term_end` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `term_due` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `term_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_kind` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_start` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_end` text;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_due` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `measures` ADD `term_label` text DEFAULT '' NOT NULL;