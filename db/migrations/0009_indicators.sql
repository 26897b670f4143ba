CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`school_id` integer,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`weight` real,
	`measured_on` text,
	`evidence` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_key` ON `indicator_values` (`indicator_id`,ifnull(`school_id`, 0),`kind`,`year`);--> statement-breakpoint
CREATE INDEX `indicator_values_school` ON `indicator_values` (`school_id`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`roadmap_id` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT 'percent' NOT NULL,
	`direction` text DEFAULT 'higher' NOT NULL,
	`source` text DEFAULT 'other' NOT NULL,
	`year_kind` text DEFAULT 'calendar' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`roadmap_id`) REFERENCES `roadmaps`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `indicators_roadmap` ON `indicators` (`roadmap_id`,`position`);