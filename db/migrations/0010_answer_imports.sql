CREATE TABLE `answer_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`quarters` text DEFAULT '' NOT NULL,
	`schools` text DEFAULT '' NOT NULL,
	`files` text DEFAULT '' NOT NULL,
	`answers` integer NOT NULL
);
