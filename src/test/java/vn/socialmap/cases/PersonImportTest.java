package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.IntegrationTest;

/** The person and event import on a CSV with good people and every kind of bad row; rolled back after each test. */
@Transactional
class PersonImportTest extends IntegrationTest {

    static final String HEADER = String.join(",", PersonImport.COLUMNS) + "\n";
    static final String GOOD = """
            001090012345,Nguyễn Văn Nhập,15/03/1990,Nam,00229,1 Phố Thử,00229,1 Phố Thử,,DRUG_USE_RECORD,10/01/2024,,
            001090012345,Nguyễn Văn Nhập,15/03/1990,Nam,00229,1 Phố Thử,00229,1 Phố Thử,,MANAGEMENT_DECISION,10/02/2024,,decisionNumber=01/QĐ-UBND
            ,"Trần Thị Không Số, Nhập",1992-07-01,Nữ,00229,,00229,,,DRUG_USE_RECORD,2024-03-01,,
            001090054321,"=HYPERLINK(""http://x"")",01/01/1990,MALE,00229,,00229,,,DRUG_USE_RECORD,01/03/2024,,
            """;
    static final String BAD = """
            001090011111,,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,
            001190022222,Sai Số Định Danh,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,
            001090033333,Ngày Không Có,31/02/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,
            001090044444,Thứ Tự Sai,15/03/1990,Nam,00229,,00229,,,POST_REHAB_END,10/01/2024,,
            001090055555,Xã Sai,15/03/1990,Nam,99999,,99999,,,DRUG_USE_RECORD,10/01/2024,,
            001090066666,%s,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,
            """.formatted("x".repeat(2000));

    @Autowired
    PersonImport imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.socialmap.audit.AuditLog audit;

    @BeforeEach
    void asAdmin() {
        signIn("admin");
    }

    private List<List<String>> rows(String body) {
        return imports.read((HEADER + body).getBytes(StandardCharsets.UTF_8), "people.csv");
    }

    private long people() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    @Test
    void allOrNothingRefusesTheFileAndNamesEveryBadRow() {
        long before = people();
        PersonImport.Result r = imports.importRows(rows(GOOD + BAD), PersonImport.Mode.ALL_OR_NOTHING, null);
        assertThat(r.applied()).isFalse();
        assertThat(people()).isEqualTo(before);
        assertThat(r.rejected()).extracting(PersonImport.Rejected::row).containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(r.rejected()).extracting(x -> x.reason().messageKey()).containsExactly("person.error.fullName",
                "person.error.nationalId.sexCentury", "personimport.error.date", "event.rule.listing.missing", "person.error.commune",
                "person.error.fullName");
    }

    /** A new person's own events are judged as the add-event form judges them: listed once, nothing before the listing. */
    @Test
    void aNewPersonsEventsFollowThePathRules() {
        String body = """
                001090077777,Hai Lần Lập Danh Sách,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,
                001090077777,Hai Lần Lập Danh Sách,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/03/2024,,
                001090088888,Xác Định Trước,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,
                001090088888,Xác Định Trước,15/03/1990,Nam,00229,,00229,,,MANAGEMENT_DECISION,10/12/2023,,decisionNumber=02/QĐ-UBND
                """;
        PersonImport.Result r = imports.importRows(rows(body), PersonImport.Mode.VALID_ROWS, null);
        assertThat(r.personsCreated()).isZero();
        // the first listing is refused for the second one after it; the rest of the person's rows go with it
        assertThat(r.rejected()).filteredOn(x -> x.row() == 2).singleElement()
                .satisfies(x -> assertThat(x.reason().messageKey()).isEqualTo("event.rule.listing.later"));
        assertThat(r.rejected()).filteredOn(x -> x.row() == 5).singleElement()
                .satisfies(x -> assertThat(x.reason().messageKey()).isEqualTo("event.rule.listing.after"));
    }

    @Test
    void validPeopleAreImportedOnceWithTheirPaths() {
        long before = people();
        PersonImport.Result first = imports.importRows(rows(GOOD + BAD), PersonImport.Mode.VALID_ROWS, null);
        assertThat(first.applied()).isTrue();
        assertThat(first.personsCreated()).isEqualTo(3);
        assertThat(first.eventsCreated()).isEqualTo(4);
        assertThat(first.rejected()).hasSize(6);
        assertThat(people()).isEqualTo(before + 3);
        // the path is projected: the first person is on record from January
        assertThat(jdbc.sql("""
                select count(*) from person_status_period s join person p on p.id = s.person_id
                where p.national_id = '001090012345' and s.status = 'USING' and s.valid_from = date '2024-01-10'""")
                .query(Long.class).single()).isEqualTo(1);
        // a formula-looking name is kept as text
        assertThat(jdbc.sql("select full_name from person where national_id = '001090054321'").query(String.class).single())
                .isEqualTo("=HYPERLINK(\"http://x\")");
        PersonImport.Result again = imports.importRows(rows(GOOD), PersonImport.Mode.VALID_ROWS, null);
        assertThat(again.personsCreated()).isZero();
        assertThat(again.eventsCreated()).isZero();
        assertThat(again.eventsSkipped()).isEqualTo(4);
        assertThat(people()).isEqualTo(before + 3);
    }

    @Test
    void newEventsOfPeopleOnRecordAreAddedAndNewPeopleAudited() {
        PersonImport.Result first = imports.importRows(rows(GOOD), PersonImport.Mode.ALL_OR_NOTHING, null);
        List<Long> created = jdbc.sql("""
                select id from person where national_id in ('001090012345', '001090054321')
                   or name_folded = 'tran thi khong so, nhap' order by id""").query(Long.class).list();
        assertThat(created).hasSize(first.personsCreated());
        // the test's transaction never commits: the entry is the one awaiting its commit
        String audited = audit.recordedInThisTransaction().stream()
                .filter(e -> e.action() == vn.socialmap.audit.AuditAction.CREATE && "import of 3 people".equals(e.details()))
                .map(vn.socialmap.audit.AuditEntry::recordIds).reduce((a, b) -> b).orElseThrow();
        assertThat(audited).contains(created.stream().map(String::valueOf).toList());
        // one known event, one new event for the person with a national ID, one new for the person without
        PersonImport.Result next = imports.importRows(rows("""
                001090012345,Nguyễn Văn Nhập,15/03/1990,Nam,00229,1 Phố Thử,00229,1 Phố Thử,,MANAGEMENT_DECISION,10/02/2024,,decisionNumber=01/QĐ-UBND
                001090012345,Nguyễn Văn Nhập,15/03/1990,Nam,00229,1 Phố Thử,00229,1 Phố Thử,,ADDICTION_DETERMINATION,10/05/2024,TTYT Đống Đa,result=ADDICTED
                ,"Trần Thị Không Số, Nhập",1992-07-01,Nữ,00229,,00229,,,MANAGEMENT_DECISION,2024-06-01,,decisionNumber=02/QĐ-UBND
                """), PersonImport.Mode.ALL_OR_NOTHING, null);
        assertThat(next.personsCreated()).isZero();
        assertThat(next.eventsSkipped()).isEqualTo(1);
        assertThat(next.eventsCreated()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from case_event where person_id = any(:ids)")
                .param("ids", created.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(6);
    }
}
