package vn.socialmap.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.ConflictException;
import vn.socialmap.base.NotFoundException;
import vn.socialmap.base.ValidationException;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.UnitRef;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.AppUser;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.BreakGlassService;
import vn.socialmap.security.CurrentUser;
import vn.socialmap.security.Role;

/**
 * The registry's rules: scoping by the caller's area on every read and write, audit of
 * every look and change, validation of people, and the path rules for events.
 */
@Service
// A refused look is answered 404 and must stay in the audit log: no rollback for it.
@Transactional(noRollbackFor = NotFoundException.class)
public class PersonService {

    public static final String RECORD_TYPE = "person";
    static final ZoneId VIETNAM = vn.socialmap.base.VietnamTime.ZONE;
    static final int MIN_AGE = 12;

    private final PersonRepository persons;
    private final CaseEventRepository events;
    private final StatusProjection projection;
    private final PersonSearch search;
    private final AdminUnitService units;
    private final CurrentUser currentUser;
    private final BreakGlassService breakGlass;
    private final AuditLog audit;
    private final Clock clock;
    private final ResidencePlacement placement;
    private final AdminStructures structures;
    private final PathContext context;
    private final GeometryFactory geometry = new GeometryFactory(new PrecisionModel(), 4326);

    PersonService(PersonRepository persons, CaseEventRepository events, StatusProjection projection, PersonSearch search,
                  AdminUnitService units, CurrentUser currentUser, BreakGlassService breakGlass, AuditLog audit, Clock clock,
                  ResidencePlacement placement, AdminStructures structures, PathContext context) {
        this.context = context;
        this.placement = placement;
        this.structures = structures;
        this.persons = persons;
        this.events = events;
        this.projection = projection;
        this.search = search;
        this.units = units;
        this.currentUser = currentUser;
        this.breakGlass = breakGlass;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person with their whole path. */
    public record PersonDetail(Person person, List<CaseEvent> events, List<PathRules.Period> periods,
                               List<PathStatus> statusToday, Map<String, Placement> placements) {
    }

    /**
     * A page of the list.
     *
     * @param totalElements the people matching when {@code totalExact}; otherwise more than
     *                      this many match ({@link #COUNT_LIMIT}): a search matching tens of
     *                      thousands stops counting there (counting 50,000 matches took 150 ms)
     */
    public record PersonPage(List<PersonSummary> content, int page, int size, long totalElements, boolean totalExact) {
    }

    /** Counting matches stops here; a list this long is refined, not paged through. */
    public static final int COUNT_LIMIT = 1000;

    /** The created person and any warnings (possible duplicates: same name and birth date in the province). */
    public record Created(Person person, List<Long> possibleDuplicates) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public PersonPage list(PersonFilter filter, int page, int size) {
        PersonSearch.Query query = search.build(personScope(), filter, today());
        List<PersonSummary> rows = fetch(query, filter, page * size, size);
        long counted = search.countUpTo(query, COUNT_LIMIT + 1);
        return counted > COUNT_LIMIT ? new PersonPage(rows, page, size, COUNT_LIMIT, false)
                : new PersonPage(rows, page, size, counted, true);
    }

    /** How many people the filter finds in the caller's area, counted up to {@link #COUNT_LIMIT} (then not exact). */
    public PersonCount count(PersonFilter filter) {
        long counted = search.countUpTo(search.build(personScope(), filter, today()), COUNT_LIMIT + 1);
        return counted > COUNT_LIMIT ? new PersonCount(COUNT_LIMIT, false) : new PersonCount(counted, true);
    }

    /** A count of a list; {@code exact} false when there are more than {@code value}. */
    public record PersonCount(long value, boolean exact) {
    }

    /** Rows of the list from {@code offset}; every fetch is audited with the ids it returned. */
    public List<PersonSummary> rows(PersonFilter filter, int offset, int limit) {
        return fetch(search.build(personScope(), filter, today()), filter, offset, limit);
    }

    private List<PersonSummary> fetch(PersonSearch.Query query, PersonFilter filter, int offset, int limit) {
        List<PersonSummary> rows = search.find(query, offset, limit);
        audit.record(AuditAction.SEARCH, RECORD_TYPE, rows.stream().map(PersonSummary::id).toList(), null,
                describe(filter, offset));
        return rows;
    }

    /** The whole filtered list in the caller's area, for a file; audited as an export with every id. */
    public List<PersonSummary> export(PersonFilter filter) {
        AccessScope scope = personScope();
        List<PersonSummary> rows = search.find(search.build(scope, filter, today()), 0, Integer.MAX_VALUE);
        audit.record(AuditAction.EXPORT, RECORD_TYPE, rows.stream().map(PersonSummary::id).toList(), null, describe(filter, 0));
        return rows;
    }

    /**
     * Judges a new person's events, all new, as {@link #addEvent} judges one: order, facilities registered
     * and open, ages (for the import).
     *
     * @throws PathRules.Violation at the first event the rules refuse
     */
    void checkNewPath(LocalDate birthDate, String provinceCode, List<PathRules.Event> events) {
        PathRules.replay(birthDate, today(), events, context.facilityAges(), context.rehabFacilities(provinceCode));
    }

    /** What could be recorded next for this person on a date (for the person page's actions). */
    @Transactional(readOnly = true)
    public List<EventType> possibleNext(PersonDetail detail, LocalDate date) {
        return PathRules.possibleNext(detail.person().getBirthDate(), today(), rules(detail.events()), date, context.facilityAges());
    }

    /** What could be recorded on a date and, when nothing can, why (for the add-event form). */
    @Transactional(readOnly = true)
    public PathRules.Next nextEvents(PersonDetail detail, LocalDate date) {
        return PathRules.next(detail.person().getBirthDate(), today(), rules(detail.events()), date, context.facilityAges());
    }

    /** The rehab facilities of the person's province there on a date: where an admission or transfer may take them. */
    @Transactional(readOnly = true)
    public List<vn.socialmap.facilities.RehabRegistry.Entry> rehabFacilities(PersonDetail detail, LocalDate date) {
        return context.openRehabFacilities(detail.person().getProvinceCode(), date);
    }

    /** Whether the current user may record data (and which events). */
    public boolean canRecord() {
        return records(currentUser.require().scope());
    }

    /**
     * Admins, facility officers and the officers of today's communes record; an account of a
     * former commune (or district) reads its area's records and their history only.
     */
    private boolean records(AccessScope scope) {
        return scope.role() == Role.ADMIN || scope.role() == Role.FACILITY_OFFICER
                || scope.role() == Role.COMMUNE_OFFICER && structures.current().code().equals(scope.areaStructure());
    }

    public AccessScope currentScope() {
        return currentUser.require().scope();
    }

    /** The province of the caller's area as a scope, for choosing a permanent residence anywhere in it. */
    public AccessScope provinceScope() {
        AccessScope scope = currentUser.require().scope();
        if (scope.areaType() == null || scope.areaType() == AreaType.FACILITY) {
            return new AccessScope(scope.role(), null, null, null);
        }
        String province = scope.areaType() == AreaType.PROVINCE ? scope.areaCode()
                : units.find(scope.areaUnit()).map(AdminUnit::getProvinceCode).orElse(scope.areaCode());
        return new AccessScope(scope.role(), AreaType.PROVINCE, null, province);
    }

    public boolean isAdmin() {
        return currentUser.require().role() == Role.ADMIN;
    }

    public boolean mayBreakTheGlass() {
        return currentUser.require().role().mayBreakTheGlass();
    }

    /**
     * One person. Outside the caller's area it is answered like a missing one and recorded
     * as a denied access, unless the caller holds a break-the-glass grant for it.
     */
    public PersonDetail get(long id) {
        Person person = readable(id);
        List<CaseEvent> path = events.findByPersonIdOrderByEventDateAscIdAsc(id);
        List<PathRules.Period> periods = PathRules.replay(person.getBirthDate(), today(), rules(path));
        audit.record(AuditAction.VIEW, RECORD_TYPE, List.of(id));
        return new PersonDetail(person, path, periods, PathRules.statusesOn(periods, today()), placement.placements(id));
    }

    /**
     * Opens a person outside the caller's area, stating why (break the glass), then reads it: a
     * record of the caller's own province only, for reading only.
     */
    public PersonDetail getWithReason(long id, String reason) {
        Person person = persons.findById(id).filter(p -> p.getMergedIntoId() == null)
                .orElseThrow(() -> new NotFoundException("No person " + id));
        if (!person.getProvinceCode().equals(callerProvince())) {
            audit.record(AuditAction.DENIED, RECORD_TYPE, List.of(id), null, "break the glass outside the caller's province");
            throw new NotFoundException("No person " + id);
        }
        breakGlass.grant(RECORD_TYPE, String.valueOf(id), reason);
        return get(id);
    }

    /** The province of the caller's area (null for a system-wide account). */
    private String callerProvince() {
        AccessScope scope = currentUser.require().scope();
        if (scope.areaType() == null || scope.areaType() == AreaType.FACILITY) {
            return scope.areaType() == null ? null : search.facilityProvinces(scope.areaCode()).stream().findFirst().orElse(null);
        }
        return scope.areaType() == AreaType.PROVINCE ? scope.areaCode()
                : units.find(scope.areaUnit()).map(AdminUnit::getProvinceCode).orElse(null);
    }

    /** Whether the caller may change this record: theirs to record and in their area (not through a grant). */
    public boolean mayChange(long id) {
        AccessScope scope = currentUser.require().scope();
        return records(scope) && search.inScope(search.scopeForChanging(scope, today()), id);
    }

    /** The records opened by officers of other areas (break the glass), shown to the record's own officers. */
    public List<BreakGlassService.GrantSeen> outsideAccess(long id) {
        AccessScope scope = personScope();
        return search.inScope(search.scope(scope, today()), id) ? breakGlass.grantsOn(RECORD_TYPE, String.valueOf(id)) : List.of();
    }

    /**
     * The checks of {@link #create} without writing, for imports: the returned check refuses
     * a form the caller may not record or that is invalid, and returns its current commune.
     * The caller's role and the communes looked up are kept for the life of the check, so an
     * import of many rows costs one lookup per commune rather than per row.
     */
    public java.util.function.Function<PersonForm, AdminUnit> importCheck() {
        AppUser user = writer();
        Map<String, Optional<AdminUnit>> communes = new HashMap<>();
        return form -> {
            AdminUnit commune = validate(form, code -> communes.computeIfAbsent(code, units::find));
            requireWritable(user.scope(), commune);
            point(form, commune);
            return commune;
        };
    }

    public Created create(PersonForm form) {
        AppUser user = writer();
        AdminUnit commune = validate(form);
        requireWritable(user.scope(), commune);
        Point point = point(form, commune);
        refuseKnownNationalId(form, null);
        // a warning only: people move within the city, so anyone of the same name and birth date in it that the
        // caller may read (others are not the caller's to know about)
        PersonSearch.Query readableByCaller = search.scopeForReading(user.scope(), today());
        List<Long> duplicates = persons.findLiveByNameBirthInProvince(VietnameseText.fold(form.fullName()),
                form.birthDate(), commune.getProvinceCode()).stream().map(Person::getId)
                .filter(id -> search.inScope(readableByCaller, id)).toList();
        Person person = persons.save(new Person(form, commune.getProvinceCode(), commune.getStructure(), point,
                user.getUsername(), now()));
        placeResidence(person);
        audit.record(AuditAction.CREATE, RECORD_TYPE, List.of(person.getId()), null,
                duplicates.isEmpty() ? null : "possible duplicates " + duplicates);
        return new Created(person, duplicates);
    }

    public Person update(long id, PersonForm form, long expectedVersion) {
        AppUser user = writer();
        Person person = writable(id);
        if (person.getVersion() != expectedVersion) {
            // someone saved it meanwhile: a conflict with the record to read again, never a silent overwrite
            throw new ConflictException(null, "/api/v1/persons/" + id, "person.error.concurrent");
        }
        AdminUnit commune = validate(form);
        requireWritable(user.scope(), commune);
        if (!commune.getProvinceCode().equals(person.getProvinceCode())) {
            // the record belongs to its province (and its shard, docs/scaling.md); a move is a transfer
            throw new ValidationException("currentCommuneCode", "person.error.province.change", commune.getName());
        }
        refuseKnownNationalId(form, id);
        boolean moved = person.residenceChangedBy(form) || !commune.getStructure().equals(person.getCurrentStructure());
        person.apply(form, commune.getStructure(), point(form, commune), now());
        if (moved) {
            // the residence entered now replaces what earlier placements rested on
            placeResidence(person);
        }
        List<CaseEvent> path = events.findByPersonIdOrderByEventDateAscIdAsc(id);
        projection.replace(person, PathRules.replay(person.getBirthDate(), today(), rules(path)));
        audit.record(AuditAction.CHANGE, RECORD_TYPE, List.of(id), null, "identity or residence");
        return person;
    }

    /** Adds an event after checking it against the path; refused events change nothing. */
    public CaseEvent addEvent(long personId, EventForm form) {
        AppUser user = writer();
        Person person = writable(personId);
        if (form.type() == null) {
            throw new ValidationException("type", "event.rule.type.missing");
        }
        if (user.role() == Role.FACILITY_OFFICER && !FACILITY_EVENTS.contains(form.type())) {
            throw new AccessDeniedException("Facility officers record facility events only");
        }
        List<CaseEvent> path = events.findByPersonIdOrderByEventDateAscIdAsc(personId);
        if (form.supersedes() != null && path.stream().noneMatch(e -> e.getId().equals(form.supersedes()))) {
            throw new ValidationException("supersedes", "event.rule.supersedes.unknown", form.supersedes());
        }
        List<PathRules.Event> candidate = new ArrayList<>(rules(path));
        candidate.add(new PathRules.Event(null, form.type(), form.date(), form.facilityCode(), form.details(), form.supersedes()));
        List<PathRules.Period> periods = PathRules.replay(person.getBirthDate(), today(), candidate, context.facilityAges(),
                context.rehabFacilities(person.getProvinceCode()));
        PathRules.Event added = candidate.getLast();
        context.checkCourt(added, person.getCurrentCommuneCode());
        AdminUnit movedTo = form.type() == EventType.RESIDENCE_MOVE ? moveDestination(person, added) : null;
        // a move keeps the commune left, which the person's record no longer names afterwards
        EventForm stored = movedTo == null ? form : form.withDetail("fromCommune", person.getCurrentCommuneCode());
        CaseEvent saved = events.save(new CaseEvent(person.getProvinceCode(), personId, stored, user.getUsername(), now()));
        if (movedTo != null) {
            // the commune left records the move: from now on the person lives, and is counted, in the new one
            person.moveTo(movedTo.getCode(), movedTo.getStructure(), now());
            placeResidence(person);
        }
        projection.replace(person, periods);
        audit.record(AuditAction.CHANGE, RECORD_TYPE, List.of(personId), null,
                "event " + saved.getId() + " " + form.type() + " " + form.date()
                        + (form.supersedes() == null ? "" : " supersedes " + form.supersedes()));
        return saved;
    }

    /** The commune a move goes to: one of today's communes of the person's province, not the one they live in. */
    private AdminUnit moveDestination(Person person, PathRules.Event move) {
        String code = move.details().get("toCommune").toString().strip();
        AdminUnit commune = units.find(code)
                .filter(u -> u.getLevel() == AdminLevel.COMMUNE && u.getProvinceCode().equals(person.getProvinceCode()))
                .filter(u -> u.getStructure().equals(structures.current().code()))
                .orElseThrow(() -> new PathRules.Violation(move, "move.commune.unknown", code));
        if (commune.getCode().equals(person.getCurrentCommuneCode())) {
            throw new PathRules.Violation(move, "move.commune.same", commune.getName());
        }
        return commune;
    }

    /** Something due on a person's path: overdue once {@code by} has passed. */
    public record Duty(PersonSummary person, String kind, LocalDate since, LocalDate by, boolean overdue, String detail) {
    }

    /**
     * What officers must see to in their area: people who moved in and have not reported (24 hours, Law 120/2025
     * Article 25 clause 4), minors in compulsory rehab who turned 18 with 3 months or more left (Article 36
     * clause 4). The candidates come from SQL, the judgement from {@link PathRules#due}; audited as a search.
     */
    public List<Duty> duties() {
        PersonSearch.Query scope = search.scope(personScope(), today());
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("law120", java.sql.Date.valueOf(LegalRegime.LAW_120_IN_FORCE));
        params.put("on", java.sql.Date.valueOf(today()));
        List<PersonSummary> candidates = search.find(new PersonSearch.Query("p.merged_into_id is null and (" + scope.where()
                + ") and " + PersonSearch.DUTY_CANDIDATES, params), 0, DUTY_LIMIT);
        List<Duty> duties = new ArrayList<>();
        for (PersonSummary row : candidates) {
            List<PathRules.Event> path = rules(events.findByPersonIdOrderByEventDateAscIdAsc(row.id()));
            for (PathRules.Due due : PathRules.due(row.birthDate(), today(), path, context.facilityAges())) {
                duties.add(new Duty(row, due.kind(), due.since(), due.by(), due.by().isBefore(today()), due.detail()));
            }
        }
        duties.sort(java.util.Comparator.comparing(Duty::by));
        audit.record(AuditAction.SEARCH, RECORD_TYPE, duties.stream().map(d -> d.person().id()).distinct().toList(), null,
                vn.socialmap.audit.AuditDetails.of("list", "duties"));
        return duties;
    }

    static final int DUTY_LIMIT = 500;

    /** The name of the facility an event names: the registered facility's, or the text as written. */
    public String facilityName(String code) {
        return context.facilityName(code);
    }

    /** The regional court whose area covers the person's commune on the date, for the decision form; empty where unknown. */
    public Optional<String> courtFor(PersonDetail detail, LocalDate date) {
        return context.courtName(detail.person().getCurrentCommuneCode(), date);
    }

    /** What is due on the person's path today (a report at a new residence, a transfer at 18). */
    public List<PathRules.Due> due(PersonDetail detail) {
        return PathRules.due(detail.person().getBirthDate(), today(), rules(detail.events()), context.facilityAges());
    }

    /** Admin: merges a duplicate into the surviving record; every event follows it. */
    public Person merge(long survivorId, long duplicateId) {
        AppUser user = currentUser.require();
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator merges records");
        }
        if (survivorId == duplicateId) {
            throw new ValidationException(null, "person.error.merge.same");
        }
        Person survivor = readable(survivorId);
        Person duplicate = readable(duplicateId);
        if (!survivor.getProvinceCode().equals(duplicate.getProvinceCode())) {
            throw new ValidationException(null, "person.error.merge.province");
        }
        List<PathRules.Event> combined = new ArrayList<>(rules(events.findByPersonIdOrderByEventDateAscIdAsc(survivorId)));
        combined.addAll(rules(events.findByPersonIdOrderByEventDateAscIdAsc(duplicateId)));
        List<PathRules.Period> periods = PathRules.replay(survivor.getBirthDate(), today(), combined);
        events.moveEvents(duplicateId, survivorId);
        duplicate.mergeInto(survivorId, now());
        projection.remove(duplicateId);
        projection.replace(survivor, periods);
        audit.record(AuditAction.CHANGE, RECORD_TYPE, List.of(survivorId, duplicateId), null,
                "merged " + duplicateId + " into " + survivorId);
        return survivor;
    }

    /** Places the person's residence, as entered today, in every structure of the province. */
    private void placeResidence(Person person) {
        var point = person.getCurrentPoint();
        var placed = placement.place(List.of(new ResidencePlacement.Residence(person.getId(), person.getProvinceCode(),
                List.of(new ResidencePlacement.Anchor(person.getCurrentStructure(), person.getCurrentCommuneCode(),
                        PlacementMethod.RECORDED)),
                point == null ? null : new double[] {point.getX(), point.getY()}, person.getCurrentAddress())));
        ResidencePlacement.Current current = placement.current(placed.getOrDefault(person.getId(), Map.of()));
        if (current != null) {
            person.placed(current);
        }
    }

    /**
     * The unit a person's residence had on a date: in the structure in force then, as placed
     * (the unit their events and statuses of that date belong to); null when none of it.
     */
    public UnitOnDate unitOn(PersonDetail detail, LocalDate date) {
        return unitOn(detail.placements(), date);
    }

    /** The unit of a recorded event's date, for the answer to recording it (the caller has just written the person). */
    UnitOnDate unitOfEvent(CaseEvent event) {
        return unitOn(placement.placements(event.getPersonId()), event.getEventDate());
    }

    private UnitOnDate unitOn(Map<String, Placement> placements, LocalDate date) {
        AdminStructure structure = structures.on(date);
        Placement placed = placements.get(structure.code());
        if (placed == null || placed.communeCode() == null) {
            return null;
        }
        String communeName = units.find(new UnitRef(structure.code(), placed.communeCode())).map(AdminUnit::getName)
                .orElse(placed.communeCode());
        String districtName = placed.districtCode() == null ? null
                : units.find(new UnitRef(structure.code(), placed.districtCode())).map(AdminUnit::getName)
                .orElse(placed.districtCode());
        return new UnitOnDate(structure.code(), placed.communeCode(), communeName, placed.districtCode(), districtName,
                placed.method());
    }

    /**
     * People provisionally placed in today's structure that the caller may confirm or move:
     * for a commune officer those with their commune among the candidates, for others those
     * in their area. Audited as a search.
     */
    public List<PersonSummary> reviews(int offset, int limit) {
        AccessScope scope = personScope();
        PersonSearch.Query query = search.reviews(scope);
        Map<String, Object> params = new HashMap<>(query.params());
        params.put("on", java.sql.Date.valueOf(today()));
        List<PersonSummary> rows = search.find(new PersonSearch.Query("p.merged_into_id is null and (" + query.where() + ")",
                params), offset, limit);
        audit.record(AuditAction.SEARCH, RECORD_TYPE, rows.stream().map(PersonSummary::id).toList(), null,
                vn.socialmap.audit.AuditDetails.of("list", "placements", "offset", offset == 0 ? null : offset));
        return rows;
    }

    /**
     * An officer confirms a provisional placement in today's structure or moves it to another
     * candidate; the person's events and periods follow. Only a candidate commune's officer
     * (or an admin) may, and only to a candidate.
     */
    public Person confirmPlacement(long personId, String communeCode) {
        AppUser user = writer();
        if (user.role() == Role.FACILITY_OFFICER) {
            throw new AccessDeniedException("Only the officers of the candidate communes confirm a placement");
        }
        Person person = present(personId, search.scopeForReading(user.scope(), today()));
        AdminStructure todayStructure = structures.current();
        Placement now = placement.placements(personId).get(todayStructure.code());
        if (now == null || now.method() != PlacementMethod.PROVISIONAL) {
            throw new ValidationException("communeCode", "placement.error.notProvisional");
        }
        if (communeCode == null || !now.candidates().contains(communeCode)) {
            throw new ValidationException("communeCode", "placement.error.notCandidate", communeCode);
        }
        AccessScope scope = user.scope();
        if (scope.role() == Role.COMMUNE_OFFICER
                && !(todayStructure.code().equals(scope.areaStructure()) && now.candidates().contains(scope.areaCode()))) {
            throw new AccessDeniedException("Only the officers of the candidate communes confirm a placement");
        }
        List<ResidencePlacement.Anchor> anchors = new ArrayList<>();
        placement.residences(List.of(personId)).getFirst().anchors().stream()
                .filter(a -> !a.structure().equals(todayStructure.code())).forEach(anchors::add);
        anchors.add(new ResidencePlacement.Anchor(todayStructure.code(), communeCode, PlacementMethod.CONFIRMED));
        var point = person.getCurrentPoint();
        var placed = placement.place(List.of(new ResidencePlacement.Residence(personId, person.getProvinceCode(), anchors,
                point == null ? null : new double[] {point.getX(), point.getY()}, person.getCurrentAddress())));
        ResidencePlacement.Current current = placement.current(placed.getOrDefault(personId, Map.of()));
        if (current != null) {
            person.placed(current);
        }
        List<CaseEvent> path = events.findByPersonIdOrderByEventDateAscIdAsc(personId);
        projection.replace(person, PathRules.replay(person.getBirthDate(), today(), rules(path)));
        audit.record(AuditAction.CHANGE, RECORD_TYPE, List.of(personId), null,
                "placement in " + todayStructure.code() + ": " + now.communeCode() + " -> " + communeCode + " (confirmed)");
        return person;
    }

    static final java.util.Set<EventType> FACILITY_EVENTS = java.util.EnumSet.of(EventType.COMPULSORY_ADMISSION,
            EventType.VOLUNTARY_FACILITY_ADMISSION, EventType.VOLUNTARY_FACILITY_DISCHARGE, EventType.ABSCONDING,
            EventType.RETURN, EventType.RELEASE, EventType.DETOX, EventType.METHADONE_START, EventType.METHADONE_STOP,
            EventType.SUPPORT, EventType.FACILITY_TRANSFER, EventType.VOID);

    /**
     * A national ID already on record is refused. The caller is shown the record only if it is
     * theirs to read; otherwise they learn that it is on record elsewhere, nothing more. The
     * lookup is recorded either way.
     */
    private void refuseKnownNationalId(PersonForm form, Long self) {
        if (form.nationalId() == null || form.nationalId().isBlank()) {
            return;
        }
        Person existing = persons.findLiveByNationalId(form.nationalId().strip()).filter(p -> !p.getId().equals(self))
                .orElse(null);
        if (existing == null) {
            return;
        }
        boolean readableByCaller = search.inScope(search.scopeForReading(currentUser.require().scope(), today()), existing.getId());
        // the lookup is recorded although the refusal rolls the caller's transaction back
        audit.recordEvenIfRefused(AuditAction.SEARCH, RECORD_TYPE, List.of(existing.getId()), null,
                "national ID already on record" + (readableByCaller ? "" : " outside the caller's area"));
        if (readableByCaller) {
            throw new ConflictException("nationalId", "/api/v1/persons/" + existing.getId(), "person.error.nationalId.taken",
                    existing.getId());
        }
        throw new ConflictException("nationalId", null, "person.error.nationalId.elsewhere");
    }

    /**
     * A person the caller may change: in their area, never through a break-the-glass grant (which
     * is for reading). Outside it, the answer is that of a missing record.
     */
    private Person writable(long id) {
        return present(id, search.scopeForChanging(personScope(), today()));
    }

    private Person present(long id, PersonSearch.Query scope) {
        Person person = persons.findById(id).filter(p -> p.getMergedIntoId() == null).orElse(null);
        if (person == null || !search.inScope(scope, id)) {
            if (person != null) {
                audit.record(AuditAction.DENIED, RECORD_TYPE, List.of(id), null, "change outside the caller's area");
            }
            throw new NotFoundException("No person " + id);
        }
        return person;
    }

    private Person readable(long id) {
        AccessScope scope = personScope();
        Person person = persons.findById(id).filter(p -> p.getMergedIntoId() == null).orElse(null);
        if (person == null) {
            throw new NotFoundException("No person " + id);
        }
        if (!search.inScope(search.scopeForReading(scope, today()), id)
                && !(currentUser.require().role().mayBreakTheGlass() && breakGlass.hasActiveGrant(RECORD_TYPE, String.valueOf(id)))) {
            audit.record(AuditAction.DENIED, RECORD_TYPE, List.of(id), null, "outside the caller's area");
            // Same answer as a missing record: the caller learns nothing about people elsewhere.
            throw new NotFoundException("No person " + id);
        }
        return person;
    }

    private AccessScope personScope() {
        AppUser user = currentUser.require();
        if (!user.scope().seesPersons()) {
            // recorded by the access-denied handler
            throw new AccessDeniedException("Role " + user.role() + " has no access to person records");
        }
        return user.scope();
    }

    private AppUser writer() {
        AppUser user = currentUser.require();
        if (!records(user.scope())) {
            throw new AccessDeniedException("Role " + user.role() + " of " + user.scope().label() + " does not record person data");
        }
        return user;
    }

    private void requireWritable(AccessScope scope, AdminUnit commune) {
        if (scope.role() == Role.COMMUNE_OFFICER && !(scope.areaType() == AreaType.COMMUNE && commune.ref().equals(scope.areaUnit()))) {
            throw new ValidationException("currentCommuneCode", "person.error.commune.outside", commune.getName());
        }
        // a facility takes in the people of its own province; a record elsewhere is not its officer's to make
        if (scope.role() == Role.FACILITY_OFFICER && !search.facilityProvinces(scope.areaCode()).equals(List.of(commune.getProvinceCode()))) {
            throw new AccessDeniedException("A facility officer records people of the facility's province only");
        }
    }

    private AdminUnit validate(PersonForm form) {
        return validate(form, units::find);
    }

    private AdminUnit validate(PersonForm form, java.util.function.Function<String, Optional<AdminUnit>> lookup) {
        String name = form.fullName() == null ? "" : form.fullName().strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("fullName", "person.error.fullName");
        }
        if (form.birthDate() == null || form.birthDate().isAfter(today().minusYears(MIN_AGE))
                || form.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            throw new ValidationException("birthDate", "person.error.birthDate", MIN_AGE);
        }
        if (form.sex() == null) {
            throw new ValidationException("sex", "person.error.sex");
        }
        if (form.nationalId() != null && !form.nationalId().isBlank()) {
            NationalId.check(form.nationalId().strip(), form.birthDate(), form.sex());
        }
        commune(lookup, form.permanentCommuneCode(), "permanentCommuneCode");
        for (String text : new String[] {form.permanentAddress(), form.currentAddress(), form.occupation()}) {
            if (text != null && text.length() > 300) {
                throw new ValidationException(null, "person.error.tooLong", 300);
            }
        }
        if (form.notes() != null && form.notes().length() > 2000) {
            throw new ValidationException("notes", "person.error.tooLong", 2000);
        }
        return commune(lookup, form.currentCommuneCode(), "currentCommuneCode");
    }

    private static AdminUnit commune(java.util.function.Function<String, Optional<AdminUnit>> lookup, String code, String field) {
        return (code == null ? Optional.<AdminUnit>empty() : lookup.apply(code)).filter(u -> u.getLevel() == AdminLevel.COMMUNE)
                .orElseThrow(() -> new ValidationException(field, "person.error.commune", code));
    }

    private Point point(PersonForm form, AdminUnit commune) {
        if (form.longitude() == null && form.latitude() == null) {
            return null;
        }
        if (form.longitude() == null || form.latitude() == null
                || !units.covers(commune.ref(), form.longitude(), form.latitude())) {
            throw new ValidationException("point", "person.error.point.outside", commune.getName());
        }
        return geometry.createPoint(new Coordinate(form.longitude(), form.latitude()));
    }

    private static List<PathRules.Event> rules(List<CaseEvent> path) {
        return path.stream().map(CaseEvent::asRuleEvent).toList();
    }

    private Instant now() {
        return clock.instant();
    }

    /** The filters set, for the audit entry of a search or an export ({@link vn.socialmap.audit.AuditDetails}). */
    private static String describe(PersonFilter f, int offset) {
        var set = new java.util.LinkedHashMap<String, Object>();
        set.put("district", f.districtCode());
        set.put("commune", f.communeCode());
        set.put("status", f.status());
        set.put("date", f.date());
        set.put("facility", f.facilityCode());
        set.put("age", f.ageGroup());
        set.put("sex", f.sex());
        set.put("offset", offset == 0 ? null : offset);
        set.put("q", f.query());
        return vn.socialmap.audit.AuditDetails.of(set);
    }
}
