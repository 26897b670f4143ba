CREATE TABLE `due_dates` (
	`measure_id` integer,
	`decision_id` integer,
	`due` text NOT NULL,
	`quarter` text NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "due_date_target" CHECK(("due_dates"."measure_id" IS NULL) <> ("due_dates"."decision_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `due_dates_due` ON `due_dates` (`due`,`measure_id`,`decision_id`);--> statement-breakpoint
CREATE INDEX `due_dates_measure` ON `due_dates` (`measure_id`);--> statement-breakpoint
CREATE INDEX `due_dates_decision` ON `due_dates` (`decision_id`);--> statement-breakpoint
-- HAND-WRITTEN: the due dates of readings made before this table, laid out from each row's term_due
-- JSON (the quarter as shared/quarters.ts quarterOf writes it). Malformed JSON is skipped, not fatal.
INSERT INTO `due_dates` (`measure_id`, `due`, `quarter`)
  SELECT m.`id`, j.value, substr(j.value, 1, 4) || '-Q' || ((CAST(substr(j.value, 6, 2) AS INTEGER) + 2) / 3)
    FROM `measures` m, json_each(m.`term_due`) j WHERE json_valid(m.`term_due`);--> statement-breakpoint
INSERT INTO `due_dates` (`decision_id`, `due`, `quarter`)
  SELECT d.`id`, j.value, substr(j.value, 1, 4) || '-Q' || ((CAST(substr(j.value, 6, 2) AS INTEGER) + 2) / 3)
    FROM `decisions` d, json_each(d.`term_due`) j WHERE json_valid(d.`term_due`);
