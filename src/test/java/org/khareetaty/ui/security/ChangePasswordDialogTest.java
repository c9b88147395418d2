package org.khareetaty.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.security.UserService;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Account → Change password…: an analyst changes their own password through the dialog. */
@ExtendWith(ApplicationExtension.class)
class ChangePasswordDialogTest {

    @TempDir
    static Path folder;
    static CoreServices core;
    ChangePasswordViewModel viewModel;

    @BeforeAll
    static void open() {
        core = CoreServices.open(TestDatabases.prepare(folder.resolve("data")));
        core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, "admin-password-2026".toCharArray());
        core.users().create(new Principal("ada", Role.ADMINISTRATOR), "ann", "Ann", Role.ANALYST,
                "analyst-old-pass-1".toCharArray());
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Start
    void start(Stage stage) {
        viewModel = new ChangePasswordViewModel(core.users(), new Principal("ann", Role.ANALYST), new FxExecutor(core.tasks()));
        stage.setScene(new Scene(new ChangePasswordDialog(viewModel)));
        stage.show();
    }

    @Test
    void anAnalystChangesTheirOwnPassword(FxRobot robot) throws Exception {
        assertThat(viewModel.mayResetOthers()).isFalse();
        Button change = robot.lookup("#password-change").queryButton();
        robot.clickOn("#password-current").write("analyst-old-pass-1");
        robot.clickOn("#password-new").write("analyst-new-pass-2");
        robot.clickOn("#password-repeat").write("analyst-new-pass-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(change.isDisabled()).as("the new passwords differ").isTrue();
        robot.interact(() -> viewModel.repeatProperty().set("analyst-new-pass-2"));
        assertThat(change.isDisabled()).isFalse();
        robot.clickOn("#password-change");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.doneProperty().get());
        assertThat(viewModel.statusProperty().get()).isEqualTo("Your password was changed.");
        assertThat(core.users().signIn("ann", "analyst-new-pass-2".toCharArray()).username()).isEqualTo("ann");
        assertThatThrownBy(() -> core.users().signIn("ann", "analyst-old-pass-1".toCharArray()))
                .isInstanceOf(UserService.SignInException.class);
    }
}
