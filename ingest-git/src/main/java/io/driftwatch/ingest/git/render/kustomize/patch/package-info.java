/**
 * The two patch languages kustomize applies: strategic merge patches (with Kubernetes' merge keys
 * and patch directives) and RFC 6902 JSON patches, and the target selectors that pick the objects a
 * patch applies to.
 */
package io.driftwatch.ingest.git.render.kustomize.patch;
