package dev.warden.application.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.fakes.UseCaseFixture;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UseCaseCatalogueTest {
    private final UseCaseCatalogue wired = new UseCaseFixture().useCases;

    @Test
    void theWiringFillsEveryUseCase() throws Exception {
        for (RecordComponent component : UseCaseCatalogue.class.getRecordComponents()) {
            assertNotNull(component.getAccessor().invoke(wired), component.getName());
        }
        assertSame(wired, wired.complete());
    }

    @Test
    void aUseCaseLeftOutOfTheWiringFailsAtOnceNamingIt() throws Exception {
        RecordComponent[] components = UseCaseCatalogue.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(wired);
        }
        int relay = Arrays.asList(components).indexOf(Arrays.stream(components)
                .filter(c -> c.getName().equals("relayOutbox")).findFirst().orElseThrow());
        values[relay] = null;
        UseCaseCatalogue incomplete = UseCaseCatalogue.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)).newInstance(values);

        NullPointerException missing = assertThrows(NullPointerException.class, incomplete::complete);
        assertEquals("relayOutbox", missing.getMessage());
    }
}
