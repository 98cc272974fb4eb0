package dev.kumo.core.identity.store;

import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Service;
import java.util.List;

public interface CatalogRepository {
    List<Region> regions();

    void insertRegion(Region region);

    void updateRegion(Region region);

    void deleteRegion(String id);

    List<Service> services();

    void insertService(Service service);

    void updateService(Service service);

    /** Also deletes the service's endpoints. */
    void deleteService(String id);

    List<Endpoint> endpoints();

    void insertEndpoint(Endpoint endpoint);

    void updateEndpoint(Endpoint endpoint);

    void deleteEndpoint(String id);
}
