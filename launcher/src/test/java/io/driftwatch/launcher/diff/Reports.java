package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.diff.DiffResult;
import io.driftwatch.model.DriftType;
import io.driftwatch.model.FieldDiff;
import io.driftwatch.model.FieldOwner;
import java.time.Instant;
import java.util.List;

/** Hand-built reports for the renderer tests: the engine is not involved. */
final class Reports {

  static final FieldOwner KUBECTL_SCALE =
      new FieldOwner("kubectl-scale", "Update", Instant.parse("2026-11-20T09:15:00Z"));

  private Reports() {}

  static ResourceDiff resource(String group, String kind, String ns, String name, DiffResult r) {
    return new ResourceDiff(new ManifestKey(group, kind, ns, name), r);
  }

  /** A scaled Deployment, a ConfigMap in sync, a Service missing live, an extra Role live. */
  static DiffReport mixed() {
    return new DiffReport(
        List.of(
            resource(
                "rbac.authorization.k8s.io",
                "Role",
                "shop",
                "debug",
                new DiffResult(DriftType.EXTRA_LIVE, List.of())),
            resource(
                "apps",
                "Deployment",
                "shop",
                "api",
                new DiffResult(
                    DriftType.MODIFIED,
                    List.of(
                        new FieldDiff(
                            "/spec/replicas",
                            IntNode.valueOf(2),
                            IntNode.valueOf(5),
                            KUBECTL_SCALE),
                        new FieldDiff(
                            "/spec/template/spec/containers/0/env/1",
                            null,
                            TextNode.valueOf("debug"))))),
            resource(
                "", "ConfigMap", "shop", "settings", new DiffResult(DriftType.NONE, List.of())),
            resource(
                "", "Service", "shop", "api", new DiffResult(DriftType.MISSING_LIVE, List.of()))));
  }
}
