package io.driftwatch.launcher.command;

import io.driftwatch.diff.DiffEngine;
import io.driftwatch.diff.DiffOptions;
import io.driftwatch.diff.ignore.IgnoreRules;
import io.driftwatch.ingest.git.render.YamlLimits;
import io.driftwatch.launcher.diff.DiffInputException;
import io.driftwatch.launcher.diff.DiffReport;
import io.driftwatch.launcher.diff.DocumentFileReader;
import io.driftwatch.launcher.diff.JsonReportRenderer;
import io.driftwatch.launcher.diff.ManifestFileReader;
import io.driftwatch.launcher.diff.ResourceDiff;
import io.driftwatch.launcher.diff.ResourceMatcher;
import io.driftwatch.launcher.diff.ResourcePair;
import io.driftwatch.launcher.diff.RulesFileReader;
import io.driftwatch.launcher.diff.TextReportRenderer;
import io.driftwatch.model.secret.SecretRedactor;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code driftwatch diff}: compares a file of desired objects with a file of live ones, with the
 * engine the pipeline uses, and exits like {@code kubectl diff} (0 in sync, 1 drift, 2 error).
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Compares desired objects (as in Git) with live ones (as `kubectl get -o yaml` prints them)"
          + " by group, kind, namespace and name, with the rules of docs/drift-semantics.md.",
      "Each file may hold many YAML or JSON documents, or a kind: List."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every resource is in sync",
      "1:drift: a resource is modified, missing live or extra live",
      "2:error: a file is missing, too large or not valid YAML/JSON, or the rules are invalid"
    },
    footer = {"", "The JSON output is a stable contract: see docs/cli-diff.md."})
public final class DiffCommand implements Callable<Integer> {

  /** The Secret HMAC key is made fresh per run: only equality within this run matters. */

  /** How the report is written. */
  public enum OutputFormat {
    TEXT,
    JSON
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--desired",
      required = true,
      paramLabel = "FILE",
      description = "The objects as Git declares them (YAML or JSON).")
  Path desired;

  @Option(
      names = "--live",
      required = true,
      paramLabel = "FILE",
      description = "The objects as the cluster returns them, managedFields included.")
  Path live;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Ignore rules: a YAML list of Argo CD ignoreDifferences entries, a Flux-style ignore"
              + " list, or a mapping with ignoreDifferences: and/or ignore:.")
  Path rules;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (default) or json.")
  OutputFormat output;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      defaultValue = "default",
      description =
          "The namespace of namespaced objects that name none (default: ${DEFAULT-VALUE}).")
  String namespace;

  // The one place the environment is consulted: NO_COLOR (https://no-color.org) set to anything
  // but the empty string turns colour off, as does --no-color.
  @Option(
      names = "--no-color",
      arity = "0",
      fallbackValue = "1",
      defaultValue = "${env:NO_COLOR:-}",
      description = "Never colour the text output (also when NO_COLOR is set).")
  String noColor;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      DiffReport report = compare();
      out.print(
          output == OutputFormat.JSON
              ? new JsonReportRenderer().render(report)
              : new TextReportRenderer(useColour(stdoutIsTerminal(), noColor)).render(report));
      out.flush();
      return report.exitCode();
    } catch (DiffInputException e) {
      err.println("driftwatch diff: " + e.getMessage());
      err.flush();
      return DiffReport.EXIT_ERROR;
    } catch (RuntimeException e) {
      // picocli would exit with 1, which means drift: a failure must never read as a verdict.
      // Secrets are redacted before anything runs, so the message cannot hold a value.
      err.println("driftwatch diff: internal error, nothing was concluded: " + e);
      err.flush();
      return DiffReport.EXIT_ERROR;
    }
  }

  private DiffReport compare() throws DiffInputException {
    if (namespace.isBlank()) {
      throw new DiffInputException("--namespace must not be empty");
    }
    SecretRedactor redactor = SecretRedactor.withRandomKey();
    DocumentFileReader documents = new DocumentFileReader(YamlLimits.DEFAULTS);
    ManifestFileReader manifests = new ManifestFileReader(documents, redactor);
    IgnoreRules ignore =
        rules == null ? IgnoreRules.none() : new RulesFileReader(documents).read(rules);
    List<ResourcePair> pairs =
        ResourceMatcher.match(manifests.read(desired), manifests.read(live), namespace);
    DiffEngine engine = new DiffEngine(DiffOptions.defaults(redactor).withIgnoreRules(ignore));
    List<ResourceDiff> diffs = new ArrayList<>(pairs.size());
    for (ResourcePair pair : pairs) {
      try {
        diffs.add(
            new ResourceDiff(pair.key(), engine.diff(pair.desiredManifest(), pair.liveManifest())));
      } catch (RuntimeException e) {
        // Secrets are redacted before the engine sees them, so its message cannot hold a value.
        throw new DiffInputException(
            pair.key() + " could not be compared (" + origins(pair) + "): " + e);
      }
    }
    return new DiffReport(diffs);
  }

  private static String origins(ResourcePair pair) {
    List<String> where = new ArrayList<>(2);
    if (pair.desired() != null) {
      where.add(pair.desired().origin());
    }
    if (pair.live() != null) {
      where.add(pair.live().origin());
    }
    return String.join("; ", where);
  }

  /**
   * Colour only for a person at a terminal who has not asked for none: {@code noColor} is the
   * NO_COLOR variable or the {@code --no-color} flag, empty when neither is set.
   */
  static boolean useColour(boolean terminal, String noColor) {
    return terminal && (noColor == null || noColor.isEmpty());
  }

  /**
   * Before Java 22 {@link System#console()} is null unless stdin and stdout are a terminal; from 22
   * on it is never null and {@code Console.isTerminal()} tells, so ask it when it exists.
   */
  private static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException java17to21) {
      return true;
    } catch (IllegalAccessException | InvocationTargetException e) {
      return false;
    }
  }
}
