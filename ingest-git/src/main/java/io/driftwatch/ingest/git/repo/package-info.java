/**
 * Git access through JGit, and only here: a bare mirror per source, fetched on each poll with the
 * credentials whose URL prefix matches the repository (HTTPS user and token sent only to that host;
 * SSH with one key and strict known_hosts checking, never {@code ~/.ssh}), the ref resolved to a
 * commit, its signature checked against the configured trusted keys (OpenPGP with BouncyCastle, SSH
 * with JGit's allowed-signers support), and the commit's files read from the object database
 * without a checkout. Errors name the source, the repository and the ref, say why (auth,
 * unreachable, ref) and never hold a secret.
 */
package io.driftwatch.ingest.git.repo;
