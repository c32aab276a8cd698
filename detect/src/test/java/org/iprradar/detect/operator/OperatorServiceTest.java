package org.iprradar.detect.operator;

import static org.iprradar.detect.operator.ConfigValidatorTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.iprradar.common.model.ConfigChange;
import org.iprradar.common.model.Listing;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.rules.RuleBook;
import org.junit.jupiter.api.Test;

/** Saving, disabling and deleting rules and brands, with their version history. */
class OperatorServiceTest {

  private static final Instant AT = Instant.parse("2026-11-29T09:30:00Z");

  private final RuleBook book = Fixtures.ruleBook();
  private final MemoryLog log = new MemoryLog(book);
  private final OperatorService service =
      new OperatorService(book, log, Clock.fixed(AT, ZoneOffset.UTC));

  private static final String DEER =
      "{'id':'deer','query':'鹿标','infringementType':'COUNTERFEIT_TRADEMARK','weight':%s}";

  private static Listing deerListing() {
    return Fixtures.listing("d1", "鹿标 运动鞋", "99", "sports_shoes");
  }

  @Test
  void historyRecordsWhoChangedWhatInEveryVersion() {
    service.saveRule("deer", json(DEER.formatted(40)), "alice");
    service.saveRule("deer", json(DEER.formatted(70)), "bob");
    service.setEnabled("deer", false, "carol");
    assertTrue(service.deleteRule("deer", "dave"));

    var history = service.history(ConfigChange.RULE, "deer");
    assertEquals(
        List.of("CREATE", "UPDATE", "DISABLE", "DELETE"),
        history.stream().map(ConfigChange::action).toList());
    assertEquals(
        List.of("alice", "bob", "carol", "dave"),
        history.stream().map(ConfigChange::changedBy).toList());
    assertEquals(List.of(1, 2, 3, 3), history.stream().map(ConfigChange::version).toList());
    assertEquals(List.of("weight"), history.get(1).changedFields());
    assertEquals(40, history.get(1).before().get("weight").asInt());
    assertEquals(70, history.get(1).after().get("weight").asInt());
    assertEquals(List.of("enabled"), history.get(2).changedFields());
    assertNull(history.get(3).after());
    assertTrue(history.stream().allMatch(c -> c.changedAt().equals(AT)));
  }

  @Test
  void aSavedRuleMatchesAndADisabledOneIsListedButMatchesNothing() {
    service.saveRule("deer", json(DEER.formatted(40)), "alice");
    assertTrue(hitsDeer());

    service.setEnabled("deer", false, "alice");

    assertFalse(hitsDeer());
    assertFalse(service.rule("deer").orElseThrow().enabled());
  }

  @Test
  void aRuleCreatedAgainAfterADeleteDoesNotReuseItsVersions() {
    service.saveRule("deer", json(DEER.formatted(40)), "alice");
    service.saveRule("deer", json(DEER.formatted(50)), "alice");
    service.deleteRule("deer", "alice");

    var again = service.saveRule("deer", json(DEER.formatted(60)), "bob");

    assertEquals(3, again.version());
  }

  @Test
  void anInvalidRuleWritesNothing() {
    assertThrows(
        InvalidConfigException.class,
        () -> service.saveRule("deer", json(DEER.formatted(101)), "alice"));

    assertTrue(log.changes.isEmpty());
    assertTrue(service.rule("deer").isEmpty());
  }

  @Test
  void anImportWithOneInvalidEntryWritesNoneAndNamesIt() {
    var entries =
        ConfigYaml.read(
            """
            rules:
              - id: deer
                query: 鹿标
                infringementType: COUNTERFEIT_TRADEMARK
                weight: 40
              - id: broken
                query: '(高仿'
                infringementType: COUNTERFEIT_TRADEMARK
                weight: 40
            """);

    var e =
        assertThrows(
            InvalidConfigException.class,
            () -> service.importAll(entries.rules(), entries.brands(), "alice"));

    assertEquals(List.of("broken"), e.problems().stream().map(Problem::id).toList());
    assertTrue(log.changes.isEmpty());
  }

  @Test
  void anExportImportedAgainChangesNothingAndAnEditedOneChangesOnlyTheEdit() {
    String yaml = ConfigYaml.write(service.rules(), service.brands());
    var same = ConfigYaml.read(yaml);

    var summary = service.importAll(same.rules(), same.brands(), "alice");

    assertTrue(summary.created().isEmpty() && summary.updated().isEmpty(), summary::toString);
    assertEquals(service.rules().size() + service.brands().size(), summary.unchanged().size());
    assertTrue(log.changes.isEmpty());

    var edited = ConfigYaml.read(yaml.replace("weight: 60", "weight: 65"));
    var second = service.importAll(edited.rules(), edited.brands(), "bob");

    assertEquals(List.of("rule:" + Fixtures.CRACKED_SOFTWARE.id()), second.updated());
    assertEquals(65, service.rule(Fixtures.CRACKED_SOFTWARE.id()).orElseThrow().weight());
    assertEquals("IMPORT", log.changes.get(0).action());
  }

  private boolean hitsDeer() {
    return book.get().matcher().match(deerListing()).hits().stream()
        .anyMatch(h -> h.rule().id().equals("deer"));
  }
}
