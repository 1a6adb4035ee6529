package io.driftwatch.launcher.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.diff.ignore.IgnoreRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the {@code --rules} file: one YAML or JSON document holding Argo CD {@code
 * ignoreDifferences} entries, Flux-style {@code ignore} entries, or a mapping with either key (see
 * docs/drift-semantics.md §7), parsed by {@link IgnoreRules#parse}.
 */
public final class RulesFileReader {

  private final DocumentFileReader documents;

  public RulesFileReader(DocumentFileReader documents) {
    this.documents = documents;
  }

  /** The rules of {@code file}. */
  public IgnoreRules read(Path file) throws DiffInputException {
    List<JsonNode> read = documents.read(file).stream().filter(Objects::nonNull).toList();
    if (read.isEmpty()) {
      throw new DiffInputException(
          file
              + ": holds no rules; write a YAML list of Argo CD ignoreDifferences entries, a list"
              + " of Flux ignore entries, or a mapping with ignoreDifferences: and/or ignore:");
    }
    if (read.size() > 1) {
      throw new DiffInputException(
          file + ": holds " + read.size() + " documents; a rules file is one document");
    }
    try {
      return IgnoreRules.parse(read.get(0), file.toString());
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      throw new DiffInputException(
          message.contains(file.toString()) ? message : file + ": " + message);
    }
  }
}
