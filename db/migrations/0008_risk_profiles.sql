CREATE TABLE `measure_risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`factor_id` integer NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`factor_id`) REFERENCES `risk_factors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_risks_measure_factor` ON `measure_risks` (`measure_id`,`factor_id`);--> statement-breakpoint
CREATE INDEX `measure_risks_factor` ON `measure_risks` (`factor_id`);--> statement-breakpoint
CREATE TABLE `risk_factors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `school_risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`school_id` integer NOT NULL,
	`factor_id` integer NOT NULL,
	`level` text NOT NULL,
	`year` integer NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`factor_id`) REFERENCES `risk_factors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_risks_school_factor_year` ON `school_risks` (`school_id`,`factor_id`,`year`);--> statement-breakpoint
CREATE INDEX `school_risks_factor` ON `school_risks` (`factor_id`);--> statement-breakpoint
-- HAND-WRITTEN: the «500+» project's eleven published risk factors, in the project's order (issue 16).
INSERT INTO `risk_factors` (`name`, `position`) VALUES
	('Низкий уровень оснащения школы', 0),
	('Дефицит педагогических кадров', 1),
	('Недостаточная предметная и методическая компетентность педагогических работников', 2),
	('Риски низкой адаптивности учебного и воспитательного процесса', 3),
	('Низкое качество преодоления языковых и культурных барьеров', 4),
	('Несформированность внутришкольной системы повышения квалификации', 5),
	('Высокая доля обучающихся с рисками учебной неуспешности', 6),
	('Низкая учебная мотивация обучающихся', 7),
	('Пониженный уровень качества школьной образовательной и воспитательной среды', 8),
	('Высокая доля обучающихся с ОВЗ', 9),
	('Низкий уровень вовлечённости родителей', 10);
