package org.khareetaty.ui.users;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.khareetaty.security.Role;
import org.khareetaty.security.User;

/** Accounts for administrators: the list, actions on the selected account, and a form for a new one. */
public final class UsersView extends BorderPane {

    private static final javafx.util.StringConverter<Role> ROLE_NAMES = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Role role) {
            return role == null ? "" : roleName(role);
        }

        @Override
        public Role fromString(String text) {
            return Role.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        }
    };

    public UsersView(UsersViewModel viewModel) {
        TableView<User> table = new TableView<>(viewModel.accounts());
        table.setId("users-table");
        table.getColumns().add(column("Username", 160, User::username));
        table.getColumns().add(column("Name", 200, User::displayName));
        table.getColumns().add(column("Role", 130, u -> roleName(u.role())));
        table.getColumns().add(column("State", 260, viewModel::state));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((o, before, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> viewModel.refresh());
        Button lock = new Button("Lock");
        lock.setId("user-lock");
        lock.setOnAction(e -> viewModel.lockSelected());
        Button unlock = new Button("Unlock");
        unlock.setId("user-unlock");
        unlock.setOnAction(e -> viewModel.unlockSelected());
        ComboBox<Role> role = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Role.values()));
        role.setId("user-role");
        role.setConverter(ROLE_NAMES);
        role.valueProperty().bindBidirectional(viewModel.selectedRoleProperty());
        Button applyRole = new Button("Change role");
        applyRole.setId("user-apply-role");
        applyRole.setOnAction(e -> viewModel.applyRole());
        Button reset = new Button("Reset password…");
        reset.setId("user-reset-password");
        reset.setOnAction(e -> askNewPassword(viewModel));
        for (javafx.scene.Node needsSelection : new javafx.scene.Node[] {lock, unlock, role, applyRole, reset}) {
            needsSelection.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        }
        Label status = new Label();
        status.setId("users-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        HBox actions = new HBox(8, refresh, lock, unlock, role, applyRole, reset);
        VBox top = new VBox(6, actions, status);
        top.setPadding(new Insets(8));

        setTop(top);
        setCenter(table);
        setRight(newAccountForm(viewModel));
        viewModel.refresh();
    }

    private static TitledPane newAccountForm(UsersViewModel viewModel) {
        TextField username = new TextField();
        username.setId("new-username");
        username.textProperty().bindBidirectional(viewModel.newUsernameProperty());
        TextField displayName = new TextField();
        displayName.setId("new-display-name");
        displayName.textProperty().bindBidirectional(viewModel.newDisplayNameProperty());
        ComboBox<Role> role = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Role.values()));
        role.setId("new-role");
        role.setConverter(ROLE_NAMES);
        role.valueProperty().bindBidirectional(viewModel.newRoleProperty());
        PasswordField password = new PasswordField();
        password.setId("new-password");
        password.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("new-password-repeat");
        repeat.textProperty().bindBidirectional(viewModel.newPasswordRepeatProperty());
        Button add = new Button("Add account");
        add.setId("add-account");
        add.setDefaultButton(false);
        add.disableProperty().bind(viewModel.busyProperty().or(viewModel.newUsernameProperty().isEmpty())
                .or(viewModel.newPasswordProperty().isEmpty()));
        add.setOnAction(e -> viewModel.create());
        Label rules = new Label("Passwords: 8 to 64 characters, not a common password, not the username.");
        rules.setWrapText(true);
        rules.setMaxWidth(260);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.setPadding(new Insets(8));
        form.addRow(0, new Label("Username"), username);
        form.addRow(1, new Label("Name"), displayName);
        form.addRow(2, new Label("Role"), role);
        form.addRow(3, new Label("Password"), password);
        form.addRow(4, new Label("Repeat"), repeat);
        form.add(rules, 0, 5, 2, 1);
        form.add(add, 1, 6);
        TitledPane pane = new TitledPane("New account", form);
        pane.setCollapsible(false);
        pane.setPadding(new Insets(8));
        return pane;
    }

    private void askNewPassword(UsersViewModel viewModel) {
        User user = viewModel.selectedProperty().get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Reset password");
        dialog.setHeaderText("New password for " + user.username());
        PasswordField password = new PasswordField();
        password.setId("reset-password");
        PasswordField repeat = new PasswordField();
        repeat.setId("reset-password-repeat");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("New password"), password);
        grid.addRow(1, new Label("Repeat"), repeat);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(ButtonType.OK::equals)
                .ifPresent(ok -> viewModel.resetPassword(password.getText().toCharArray(), repeat.getText().toCharArray()));
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static TableColumn<User, String> column(String title, double width, Function<User, String> value) {
        TableColumn<User, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
