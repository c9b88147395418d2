package org.khareetaty.ui.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.AuditRecord;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.security.User;
import org.khareetaty.security.UserService;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Users pane: an administrator adds, locks, unlocks and re-roles accounts; the core refuses what it must. */
@ExtendWith(ApplicationExtension.class)
class UsersPaneTest {

    private static final Principal ADA = new Principal("ada", Role.ADMINISTRATOR);

    @TempDir
    static Path folder;
    static CoreServices core;
    UsersViewModel viewModel;

    @BeforeAll
    static void open() {
        core = CoreServices.open(TestDatabases.prepare(folder.resolve("data")));
        core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, "admin-password-2026".toCharArray());
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Start
    void start(Stage stage) {
        viewModel = new UsersViewModel(core.users(), ADA, new FxExecutor(core.tasks()), core.clock());
        stage.setScene(new Scene(new UsersView(viewModel), 1200, 600));
        stage.show();
    }

    @Test
    void anAdministratorManagesAccountsFromTheWindow(FxRobot robot) throws Exception {
        waitFor(() -> viewModel.accounts().size() == 1);

        robot.clickOn("#new-username").write("bob");
        robot.clickOn("#new-display-name").write("Bob Analyst");
        robot.clickOn("#new-password").write("bob-first-pass-77");
        robot.clickOn("#new-password-repeat").write("bob-first-pass-77");
        robot.clickOn("#add-account");
        // The status is set after the list on the UI thread: waiting for it means both are there.
        waitFor(() -> "Added bob (analyst).".equals(viewModel.statusProperty().get()));
        assertThat(viewModel.accounts()).hasSize(2);
        assertThat(core.users().signIn("bob", "bob-first-pass-77".toCharArray()).role()).isEqualTo(Role.ANALYST);

        TableView<User> table = robot.lookup("#users-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(viewModel.accounts().stream()
                .filter(u -> u.username().equals("bob")).findFirst().orElseThrow()));
        robot.clickOn("#user-lock");
        waitFor(() -> viewModel.statusProperty().get().startsWith("Locked bob"));
        assertThat(viewModel.state(account("bob"))).isEqualTo("locked by an administrator");
        assertThat(signInFails("bob", "bob-first-pass-77")).isTrue();
        robot.clickOn("#user-unlock");
        waitFor(() -> viewModel.statusProperty().get().equals("Unlocked bob."));
        assertThat(viewModel.state(account("bob"))).isEqualTo("active");

        robot.interact(() -> viewModel.selectedRoleProperty().set(Role.SUPERVISOR));
        robot.clickOn("#user-apply-role");
        waitFor(() -> account("bob").role() == Role.SUPERVISOR);
        assertThat(core.users().user("bob").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);

        // The only administrator cannot demote itself: nobody could manage accounts any more.
        robot.interact(() -> {
            viewModel.selectedProperty().set(account("ada"));
            viewModel.selectedRoleProperty().set(Role.ANALYST);
            viewModel.applyRole();
        });
        waitFor(() -> viewModel.statusProperty().get().contains("only active administrator"));
        assertThat(core.users().user("ada").orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);

        assertThat(core.audit().latest(6)).extracting(AuditRecord::event, AuditRecord::outcome).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple("USER_ROLE_CHANGE", "FAILURE"),
                org.assertj.core.groups.Tuple.tuple("USER_ROLE_CHANGE", "SUCCESS"),
                org.assertj.core.groups.Tuple.tuple("USER_UNLOCK", "SUCCESS"),
                org.assertj.core.groups.Tuple.tuple("USER_LOCK", "SUCCESS"));
    }

    @Test
    void anAnalystsViewModelIsRefusedByTheCore(FxRobot robot) throws Exception {
        UsersViewModel analyst = new UsersViewModel(core.users(), new Principal("ann", Role.ANALYST),
                new FxExecutor(core.tasks()), core.clock());
        robot.interact(analyst::refresh);
        waitFor(() -> !analyst.statusProperty().get().isEmpty());
        assertThat(analyst.statusProperty().get()).contains("ann").contains("manage user accounts");
        assertThat(analyst.accounts()).isEmpty();
    }

    private User account(String username) {
        return viewModel.accounts().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private static boolean signInFails(String username, String password) {
        try {
            core.users().signIn(username, password.toCharArray());
            return false;
        } catch (UserService.SignInException e) {
            return true;
        }
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
