/**
 * The two patch languages kustomize applies and the target selectors that pick the objects a patch
 * applies to. Strategic merge follows kustomize v5.5.0 itself (kyaml's merge with the Kubernetes
 * v1.21 merge keys, written down in {@link
 * io.driftwatch.ingest.git.render.kustomize.patch.PatchSchema}), not the API server's, because
 * parity with {@code kubectl kustomize} is the goal; JSON 6902 patches run on zjsonpatch with the
 * differences of evanphx/json-patch that kustomize shows. The fixtures under {@code
 * kustomize-patch/} in the tests hold kubectl's output for each behaviour.
 */
package io.driftwatch.ingest.git.render.kustomize.patch;
