CREATE TABLE `access_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_keys_account_idx` ON `access_keys` (`account_id`);--> statement-breakpoint
CREATE TABLE `api_nonces` (
	`access_key_id` text NOT NULL,
	`nonce` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`access_key_id`, `nonce`)
);
--> statement-breakpoint
CREATE INDEX `api_nonces_expiry_idx` ON `api_nonces` (`expires_at`);