CREATE TABLE `measure_search` (
	`measure_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- HAND-WRITTEN: the search text of every measure, kept by triggers on whatever writes measures
-- (the editor, import, copies, undo, the recycle bin); fold() is registered on every connection
-- by db/sql-functions.ts before migrations run. Deleting a measure drops its row by the foreign key.
CREATE TRIGGER `measure_search_insert` AFTER INSERT ON `measures` BEGIN
  INSERT OR REPLACE INTO `measure_search` (`measure_id`, `text`)
  VALUES (new.`id`, fold(new.`name`) || char(10) || fold(new.`term`) || char(10) || fold(new.`executors`) || char(10) || fold(new.`result`));
END;
--> statement-breakpoint
CREATE TRIGGER `measure_search_update` AFTER UPDATE OF `name`, `term`, `executors`, `result` ON `measures` BEGIN
  INSERT OR REPLACE INTO `measure_search` (`measure_id`, `text`)
  VALUES (new.`id`, fold(new.`name`) || char(10) || fold(new.`term`) || char(10) || fold(new.`executors`) || char(10) || fold(new.`result`));
END;
--> statement-breakpoint
INSERT INTO `measure_search` (`measure_id`, `text`)
SELECT `id`, fold(`name`) || char(10) || fold(`term`) || char(10) || fold(`executors`) || char(10) || fold(`result`) FROM `measures`;
