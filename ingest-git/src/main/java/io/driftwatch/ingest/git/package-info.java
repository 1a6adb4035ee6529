/**
 * The ingest-git component: for each configured source (a Git repository, a ref and a path for one
 * cluster) it fetches the repository, renders each new commit and publishes the desired state per
 * resource key, the source's status and its render errors. {@link
 * io.driftwatch.ingest.git.GitIngest} is the entry point the launcher wires; {@link
 * io.driftwatch.ingest.git.GitIngest#pollOnce()} runs one synchronous round for tests and the CLI.
 */
package io.driftwatch.ingest.git;
