/**
 * Git access through JGit, and only here: a bare mirror per source, fetched on each poll, the ref
 * resolved to a commit, its signature checked against the configured trusted keys (OpenPGP with
 * BouncyCastle, SSH with JGit's allowed-signers support), and the commit's files read from the
 * object database without a checkout. Errors name the source, the repository and the ref, with
 * credentials removed from URLs.
 */
package io.driftwatch.ingest.git.repo;
