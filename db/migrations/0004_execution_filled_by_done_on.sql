ALTER TABLE `executions` ADD `filled_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `executions` ADD `done_on` text;