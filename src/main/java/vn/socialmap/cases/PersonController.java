package vn.socialmap.cases;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "The case registry, scoped to the caller's area; every read is audited")
class PersonController {

    private static final int MAX_PAGE_SIZE = 200;
    private static final int MAX_PAGE = 100_000;

    private final PersonService persons;

    PersonController(PersonService persons) {
        this.persons = persons;
    }

    /**
     * A person. {@code currentCommune} is of today's structure; {@code currentDistrictCode} is the
     * former district (of the last structure with districts) whose area holds the residence;
     * {@code placements} says where the residence lies in every structure of the province;
     * {@code outsideAccess} who opened the record from outside its area and why (shown to the
     * record's own officers only).
     */
    record PersonView(long id, String fullName, LocalDate birthDate, Sex sex, String nationalId,
                      String permanentCommuneCode, String permanentAddress, String currentCommuneCode,
                      String currentDistrictCode, String currentAddress, Double longitude, Double latitude,
                      String occupation, String notes, long version, List<PathStatus> statusToday,
                      UnitOnDate currentCommune, List<Placement> placements, List<EventView> events,
                      List<vn.socialmap.security.BreakGlassService.GrantSeen> outsideAccess) {
    }

    /** An event with the unit the person's residence had on its date (in the structure in force then). */
    record EventView(long id, EventType type, LocalDate date, String facilityCode, Map<String, Object> details,
                     Long supersedes, String recordedBy, UnitOnDate unit) {
    }

    record CreatedView(PersonView person, List<Long> possibleDuplicates) {
    }

    @GetMapping
    @Operation(summary = "Persons in the caller's area, filtered and paged; counted up to 1,000 (totalExact is false beyond)")
    PersonService.PersonPage list(@RequestParam(required = false) String district,
                                  @RequestParam(required = false) String commune,
                                  @RequestParam(required = false) PathStatus status,
                                  @RequestParam(required = false) LocalDate date,
                                  @RequestParam(required = false) String facility,
                                  @RequestParam(required = false) String ageGroup,
                                  @RequestParam(required = false) Sex sex,
                                  @RequestParam(required = false) String q,
                                  // pages far beyond the list would overflow the offset: it is counted to 1,000 anyway
                                  @RequestParam(defaultValue = "0") @Range(min = 0, max = MAX_PAGE) int page,
                                  @RequestParam(defaultValue = "50") @Range(min = 1, max = MAX_PAGE_SIZE) int size) {
        return persons.list(new PersonFilter(district, commune, status, date, facility, ageGroup, sex, q), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person with their path; 404 when outside the caller's area")
    PersonView get(@PathVariable long id) {
        return view(persons.get(id));
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(summary = "Record a person; 409 when the national ID is on record, with a link to it")
    ResponseEntity<CreatedView> create(@RequestBody PersonForm form) {
        PersonService.Created created = persons.create(form);
        PersonView view = view(persons.get(created.person().getId()));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + view.id()))
                .body(new CreatedView(view, created.possibleDuplicates()));
    }

    @PostMapping("/{id}/events")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(summary = "Add the next event of a person's path; 400 naming the rule that refuses it")
    ResponseEntity<EventView> addEvent(@PathVariable long id, @RequestBody EventForm form) {
        CaseEvent event = persons.addEvent(id, form);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(new EventView(event.getId(), event.getType(),
                event.getEventDate(), event.getFacilityCode(), event.getDetails(), event.getSupersedesId(), event.getRecordedBy(),
                persons.unitOfEvent(event)));
    }

    @GetMapping("/duties")
    @Operation(summary = "What is due in the caller's area under Law 120/2025",
            description = "People who moved in and have not reported at the new residence within 24 hours (Article 25"
                    + " clause 4), and minors in compulsory rehab who turned 18 with 3 months or more left (Article 36"
                    + " clause 4); kind MOVE_REPORT or TRANSFER_AT_18, overdue once the day 'by' has passed.")
    List<PersonService.Duty> duties() {
        return persons.duties();
    }

    @GetMapping("/placement-reviews")
    @Operation(summary = "People provisionally placed in today's structure that the caller may confirm or move",
            description = "A record of a commune split between several new communes (1 July 2025) whose point and address"
                    + " did not decide is placed, provisionally, in the candidate with the largest population share;"
                    + " the candidate communes' officers see it here.")
    List<PersonSummary> placementReviews(@RequestParam(defaultValue = "0") @Range(min = 0, max = MAX_PAGE) int page,
                                         @RequestParam(defaultValue = "50") @Range(min = 1, max = MAX_PAGE_SIZE) int size) {
        return persons.reviews(page * size, size);
    }

    /** The commune chosen among the candidates of a provisional placement. */
    record PlacementChoice(String communeCode) {
    }

    @PutMapping("/{id}/placement")
    @Operation(summary = "Confirm a provisional placement in today's structure, or move it to another candidate commune")
    PersonView confirmPlacement(@PathVariable long id, @RequestBody PlacementChoice choice) {
        persons.confirmPlacement(id, choice == null ? null : choice.communeCode());
        return view(persons.get(id));
    }

    private PersonView view(PersonService.PersonDetail d) {
        Person p = d.person();
        return new PersonView(p.getId(), p.getFullName(), p.getBirthDate(), p.getSex(), p.getNationalId(),
                p.getPermanentCommuneCode(), p.getPermanentAddress(), p.getCurrentCommuneCode(),
                p.getFormerDistrictCode(), p.getCurrentAddress(),
                p.getCurrentPoint() == null ? null : p.getCurrentPoint().getX(),
                p.getCurrentPoint() == null ? null : p.getCurrentPoint().getY(),
                p.getOccupation(), p.getNotes(), p.getVersion(), d.statusToday(), persons.unitOn(d, persons.today()),
                List.copyOf(d.placements().values()), d.events().stream().map(e -> eventView(d, e)).toList(),
                persons.outsideAccess(p.getId()));
    }

    private EventView eventView(PersonService.PersonDetail d, CaseEvent e) {
        return new EventView(e.getId(), e.getType(), e.getEventDate(), e.getFacilityCode(), e.getDetails(),
                e.getSupersedesId(), e.getRecordedBy(), persons.unitOn(d, e.getEventDate()));
    }
}
